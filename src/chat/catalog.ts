/**
 * The message catalog as the chat layer and the adapters know it: the core's (`src/core/messages.ts`,
 * the Fluent files in `locales/`), re-exported so that code above the core names one module.
 */
export * from "../core/messages.js";
