/**
 * `${VAR}` and `${VAR:-default}` substitution in YAML string scalars. `$$` is a literal `$`.
 *
 * Substitution happens on the parsed document (scalar by scalar), not on the raw text, so a value
 * cannot break the YAML structure and every error still points at the right line.
 */

export type Env = Readonly<Record<string, string | undefined>>;

export interface MissingVariable {
  name: string;
}

const PATTERN = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export interface InterpolationResult {
  value: string;
  missing: MissingVariable[];
  /** Names of the variables read (for telling which values are secrets). */
  used: string[];
}

export function interpolate(text: string, env: Env): InterpolationResult {
  const missing: MissingVariable[] = [];
  const used: string[] = [];
  const value = text.replace(
    PATTERN,
    (match, name: string | undefined, fallback: string | undefined) => {
      if (match === '$$') return '$';
      if (name === undefined) return match;
      used.push(name);
      const found = env[name];
      // As in POSIX shells, `:-` also applies when the variable is set but empty.
      if (found !== undefined && found !== '') return found;
      if (fallback !== undefined) return fallback;
      missing.push({ name });
      return '';
    },
  );
  return { value, missing, used };
}
