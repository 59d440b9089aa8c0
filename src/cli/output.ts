/**
 * Result output: one JSON document on stdout with `--json`, human text otherwise. Logs never go
 * to stdout.
 */
export interface OutputOptions {
  json: boolean;
}

export function printResult(options: OutputOptions, json: unknown, human: () => string): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } else {
    const text = human();
    if (text !== '') process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
