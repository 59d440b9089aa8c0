import { describe, expect, it } from 'vitest';
import { InvalidPayloadError, TransientError } from '../../src/lib/errors/index.js';
import {
  GitHubComment,
  JiraCommentPage,
  parseAnswer,
} from '../../src/writeback/comment-schemas.js';

const where = { source: 'github' as const, resource: 'new comment on acme/web#1' };

describe('parseAnswer', () => {
  it('keeps a well-formed answer', () => {
    const comment = {
      id: 7,
      body: 'hi',
      created_at: '2026-11-24T12:00:00Z',
      issue_url: 'https://api.github.com/repos/acme/web/issues/1',
      user: { login: 'northstar-bot' },
    };
    expect(parseAnswer(GitHubComment, comment, where)).toEqual(comment);
  });

  it('treats text where JSON was due (a body cut off half-way) as transient', () => {
    // What Octokit returns when the JSON cannot be parsed: the raw text.
    const error = (() => {
      try {
        parseAnswer(GitHubComment, '{"id":7,"bo', where);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(TransientError);
    expect(String(error)).toContain(
      'new comment on acme/web#1: the answer was not JSON (11 characters)',
    );
  });

  it('treats JSON of the wrong shape as an unexpected payload', () => {
    expect(() =>
      parseAnswer(JiraCommentPage, { comments: [{ id: 3 }] }, { ...where, source: 'jira' }),
    ).toThrow(InvalidPayloadError);
  });
});
