import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** What an XML reader hears: element starts and ends (by local name, prefix dropped) and text. */
export interface XmlHandlers<T> {
  open?(name: string, attributes: Record<string, string>, emit: (item: T) => void): void;
  close?(name: string, emit: (item: T) => void): void;
  text?(text: string): void;
}

/**
 * Streams `xml` through a SAX parser and yields what the handlers emit, chunk by chunk, so a large
 * part (a worksheet) is never held whole. Element and attribute names are local (`x:row` is `row`,
 * `r:id` is `id`), as some producers prefix SpreadsheetML's default namespace.
 */
export async function* readXml<T>(xml: Readable, handlers: XmlHandlers<T>): AsyncIterable<T> {
  const parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  const ready: T[] = [];
  const emit = (item: T) => ready.push(item);
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open?.(localName(tag.name), attributesOf(tag), emit));
  parser.on('closetag', (tag) => handlers.close?.(localName(tag.name), emit));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of xml) {
    parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    yield* ready.splice(0);
  }
  parser.write(decoder.decode());
  parser.close();
  yield* ready.splice(0);
}

/** All items `readXml` yields, for a small part read whole. */
export async function collectXml<T>(xml: Readable, handlers: XmlHandlers<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of readXml(xml, handlers)) items.push(item);
  return items;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Attributes by local name: `r:id` is `id`. */
function attributesOf(tag: SaxesTagPlain): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(tag.attributes)) attributes[localName(name)] = value;
  return attributes;
}
