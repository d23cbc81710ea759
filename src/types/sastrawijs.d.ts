// sastrawijs ships its declarations without pointing package.json at them.
declare module "sastrawijs" {
  export class Stemmer {
    stem(word: string): string;
  }
}
