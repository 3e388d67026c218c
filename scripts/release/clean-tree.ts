/** A release is made from one commit: what `git status --porcelain` may not show then. */

/** Why a tree with these `git status --porcelain` lines must not be released, or undefined. */
export function dirtyTreeRefusal(porcelain: string): string | undefined {
  const lines = porcelain.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return undefined;
  const shown = lines.slice(0, 10).map((line) => `  ${line}`);
  if (lines.length > 10) shown.push(`  … and ${lines.length - 10} more`);
  return [
    `release: the working tree has ${lines.length} uncommitted change(s):`,
    ...shown,
    'A release is built from one commit, so that its source zip rebuilds to the same packages.',
    'Commit or stash these changes (or add the files to .gitignore), then run npm run release again.',
    '(--allow-dirty builds the tree as it is, for tests; never upload such a build.)',
  ].join('\n');
}
