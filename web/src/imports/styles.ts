/** Code, CSV headers and column names: in a monospaced face, a little smaller than the text around them. */
export const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.85em' };
