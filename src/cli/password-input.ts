import { createInterface } from 'node:readline';

/** Reads all of standard input and returns its first line (for `--password-stdin`). */
export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
}

/** Asks for a password on the terminal without echoing it; undefined when stdin is not a terminal. */
export async function promptPassword(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const terminal = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const output = terminal as unknown as { _writeToOutput: (text: string) => void };
  let isAsking = true;
  output._writeToOutput = (text: string) => {
    if (!isAsking || text.includes(question)) process.stderr.write(text);
  };
  try {
    return await new Promise<string>((resolve) => terminal.question(question, resolve));
  } finally {
    isAsking = false;
    process.stderr.write('\n');
    terminal.close();
  }
}

/**
 * The password a command was given: `--password`, the first line of stdin with
 * `--password-stdin`, or typed at a prompt; undefined when none (a random one is then set).
 */
export async function passwordOption(options: {
  password?: string;
  passwordStdin?: boolean;
}): Promise<string | undefined> {
  if (options.password !== undefined) return options.password;
  if (options.passwordStdin) return readPasswordFromStdin();
  const typed = await promptPassword('password (empty: generate one): ');
  return typed ? typed : undefined;
}
