/**
 * Failures are reported, not swallowed (style habit 17, ADR 026): every catch in src either
 * handles what it caught (rethrows it, reports it through shared/report-error.ts, or uses it — to
 * show the user, to classify it), or says in a comment why it may stay silent. A meta-test like
 * Refined GitHub's: the next bare `catch {}` without a reason fails here, not in review.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `catch {`, `catch (error) {`, `.catch(() => …)`, `.catch((error) => …)`, `.catch(fail)` */
const catchPattern =
  /\bcatch\s*(?:\(\s*(\w*)\s*(?::[^)]*)?\)\s*\{|\{)|\.catch\(\s*(?:\(\s*(\w*)[^)]*\)\s*=>|(\w+)\s*\))/g;

interface Silent {
  where: string;
  line: string;
}

/** The catches that neither handle what they caught nor say why they may stay silent. */
function silentCatches(path: string, text: string): Silent[] {
  const lines = text.split('\n');
  const found: Silent[] = [];
  for (const match of text.matchAll(catchPattern)) {
    const lineIndex = text.slice(0, match.index).split('\n').length - 1;
    const [, boundInBlock, boundInArrow, handlerName] = match;
    if (handlerName) continue; // .catch(fail): a named handler does the handling
    // What follows the catch up to a few lines, and the line before (a comment may lead in).
    const around = lines.slice(Math.max(0, lineIndex - 1), lineIndex + 4).join('\n');
    const after = text
      .slice((match.index ?? 0) + match[0].length)
      .split('\n')
      .slice(0, 4)
      .join('\n');
    const bound = boundInBlock || boundInArrow;
    const handled =
      /\/\/|\/\*/.test(around) ||
      /\breportError\(|\bthrow\b/.test(after) ||
      (bound ? new RegExp(`\\b${bound}\\b`).test(after) : false);
    if (!handled) found.push({ where: `${path}:${lineIndex + 1}`, line: (lines[lineIndex] ?? '').trim() });
  }
  return found;
}

describe('every catch in src handles what it caught or says why not', () => {
  it('finds no silent catch without a reason', () => {
    const silent = sourceFiles('src').flatMap((path) => silentCatches(path, readFileSync(path, 'utf8')));
    expect(silent).toEqual([]);
  });

  it('the probe itself tells a bare catch from a handled or explained one', () => {
    const probe = (code: string) => silentCatches('probe.ts', code).length;
    expect(probe('try { a(); } catch {\n  return null;\n}')).toBe(1);
    expect(probe('work().catch(() => undefined);')).toBe(1);
    expect(probe('try { a(); } catch {\n  // Not a URL: nothing to link.\n  return null;\n}')).toBe(0);
    expect(probe('try { a(); } catch (error) {\n  reportError(error, { where: "x" });\n}')).toBe(0);
    expect(probe('try { a(); } catch (error) {\n  setProblem(error);\n}')).toBe(0);
    expect(probe('work().catch((error: unknown) => reportError(error, { where: "x" }));')).toBe(0);
    expect(probe('work().catch(fail);')).toBe(0);
  });
});
