import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './text-decoding.js';

async function decode(bytes: Buffer, size = 3): Promise<string> {
  async function* chunks() {
    for (let index = 0; index < bytes.length; index += size) yield bytes.subarray(index, index + size);
  }
  let text = '';
  for await (const chunk of decodeText(chunks())) text += chunk;
  return text;
}

const SAMPLE = 'dataElement,period,orgUnit,value,comment\nPOP,2026,QS0101,12,东街街道 南湖镇 石桥镇\n';

describe('decodeText', () => {
  it('decodes UTF-8 with and without a BOM, even when a character is cut between chunks', async () => {
    expect(await decode(Buffer.from(SAMPLE, 'utf8'))).toBe(SAMPLE);
    expect(await decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]))).toBe(
      SAMPLE,
    );
  });

  it('recognises GB18030 (Chinese Excel CSV) and decodes it, also past the sniffing window', async () => {
    const long = SAMPLE + 'POP,2026,QS0102,7,柳河乡\n'.repeat(10_000);
    expect(await decode(iconv.encode(SAMPLE, 'gb18030'))).toBe(SAMPLE);
    expect(await decode(iconv.encode(long, 'gb18030'), 4096)).toBe(long);
  });

  it('refuses bytes that are neither UTF-8 nor sensible GB18030', async () => {
    await expect(decode(Buffer.from([0x80, 0x00, 0x01, 0xff, 0xff, 0x02]))).rejects.toMatchObject({
      code: 'INVALID_IMPORT',
    });
  });
});
