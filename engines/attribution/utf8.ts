const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encodes text as UTF-8 bytes. */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes bytes[start … end − 1] as UTF-8 (invalid sequences become U+FFFD). */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  // Short ASCII runs (ids, channel names, numbers) are cheaper to build by hand than through TextDecoder.
  if (end - start <= 64) {
    let text = "";
    for (let i = start; i < end; i++) {
      const byte = bytes[i];
      if (byte >= 0x80) return decoder.decode(bytes.subarray(start, end));
      text += String.fromCharCode(byte);
    }
    return text;
  }
  return decoder.decode(bytes.subarray(start, end));
}
