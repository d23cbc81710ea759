/**
 * The news report: plain text, one paragraph a line. Photo captions, the "Sumber:" (source) line
 * and the page's comment counter are not part of the story and are dropped.
 */
export function parseNews(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/\(Foto:[^)]*\)\.?$/.test(l) && !/^Sumber:/i.test(l) && !/^Komentar \(\d+\)$/.test(l));
}

/** The source URL a news text names on its "Sumber:" line, if any. */
export function newsSourceUrl(text: string): string | undefined {
  return /^Sumber:\s*(\S+)/im.exec(text)?.[1];
}
