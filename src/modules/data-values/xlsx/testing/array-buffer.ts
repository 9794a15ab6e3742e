/** The bytes of a Buffer as a standalone ArrayBuffer (what exceljs' `xlsx.load` is typed to take). */
export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
