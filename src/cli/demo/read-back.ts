/**
 * After the demo's cycle: read every sticky comment back from the emulators over their public
 * APIs (the same `GET` a person's browser or script would make) and save it under
 * `<out>/comments/`, so the demo shows what was really stored remotely, not what we meant to write.
 * Jira bodies are ADF: saved as the document (`.adf.json`) and as readable text (`.txt`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adfToText } from '../../writeback/adf/index.js';

export interface StoredComment {
  /** `KEY-1` or `owner/repo#N`. */
  target: string;
  kind: 'jira' | 'github';
  remoteId: string;
}

export interface ReadBackOptions {
  jira: { url: string; email: string; apiToken: string };
  github: { url: string; token: string };
  outDir: string;
}

export interface ReadBackComment {
  target: string;
  kind: 'jira' | 'github';
  /** Where the comment can be read with the API (while the emulators run). */
  apiUrl: string;
  /** The file holding the readable text. */
  file: string;
}

function fileStem(target: string): string {
  return target.replace(/[/#]/g, '-');
}

async function getJson(url: string, authorization: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: { authorization, accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.json();
}

function jiraCommentUrl(base: string, comment: StoredComment): string {
  return `${base}/rest/api/3/issue/${encodeURIComponent(comment.target)}/comment/${encodeURIComponent(comment.remoteId)}`;
}

function githubCommentUrl(base: string, comment: StoredComment): string {
  const repo = comment.target.split('#')[0] ?? '';
  return `${base}/repos/${repo}/issues/comments/${encodeURIComponent(comment.remoteId)}`;
}

export async function readBackComments(
  comments: readonly StoredComment[],
  options: ReadBackOptions,
): Promise<ReadBackComment[]> {
  const dir = join(options.outDir, 'comments');
  mkdirSync(dir, { recursive: true });
  const jiraAuth = `Basic ${Buffer.from(`${options.jira.email}:${options.jira.apiToken}`).toString('base64')}`;
  const githubAuth = `Bearer ${options.github.token}`;
  const saved: ReadBackComment[] = [];
  for (const comment of comments) {
    const stem = join(dir, fileStem(comment.target));
    if (comment.kind === 'jira') {
      const apiUrl = jiraCommentUrl(options.jira.url, comment);
      const body = ((await getJson(apiUrl, jiraAuth)) as { body?: unknown }).body;
      writeFileSync(`${stem}.adf.json`, `${JSON.stringify(body, null, 2)}\n`);
      writeFileSync(`${stem}.txt`, `${adfToText(body)}\n`);
      saved.push({ target: comment.target, kind: 'jira', apiUrl, file: `${stem}.txt` });
    } else {
      const apiUrl = githubCommentUrl(options.github.url, comment);
      const body = ((await getJson(apiUrl, githubAuth)) as { body?: unknown }).body;
      writeFileSync(`${stem}.md`, typeof body === 'string' ? body : '');
      saved.push({ target: comment.target, kind: 'github', apiUrl, file: `${stem}.md` });
    }
  }
  return saved;
}
