/** One source file bundled by Vite as a minified IIFE (global `name`), in memory, for a bench to load into a page. */
import { build, type InlineConfig, type Rolldown } from 'vite';

export async function bundleIife(
  entry: string,
  name: string,
  config: Pick<InlineConfig, 'define' | 'resolve' | 'plugins'> = {},
): Promise<string> {
  const result = await build({
    ...config,
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name, fileName: name } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('vite produced no bundle');
  return chunk.code;
}
