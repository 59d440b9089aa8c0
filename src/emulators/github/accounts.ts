/** The seeded accounts tests rely on: the token's user and a "human" who edits and comments. */
export const BOT_LOGIN = 'northstar-bot';
export const HUMAN_LOGIN = 'octo-human';
