// The parts of marcjs and marc8 that src/import uses (neither ships types).
declare module 'marcjs/lib/Iso2709Parser.js' {
  /** A field as marcjs keeps it: [tag, value] or [tag, indicators, code, value, code, value…]. */
  const Iso2709Parser: {
    parse(raw: { toString(encoding: string, start?: number, end?: number): string }): {
      leader: string;
      fields: string[][];
    };
  };
  export default Iso2709Parser;
}

declare module 'marcjs/lib/MiJParser.js' {
  const MiJParser: { parse(raw: unknown): { leader: string; fields: string[][] } };
  export default MiJParser;
}

declare module 'marc8' {
  function marc8(
    text: string,
    options?: { normalization?: false | 'NFC' | 'NFD'; invalid?: 'replace'; replace?: string },
  ): string;
  export default marc8;
}
