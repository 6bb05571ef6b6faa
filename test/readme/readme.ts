import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { projectRoot } from '../../subgraphs/kit';

/** The README as the tests read it: its sections, fenced blocks, tables and example operations. */
export const README = readFileSync(join(projectRoot(), 'README.md'), 'utf8');

/** The text of a `## ` section, from its heading to the next one. */
export function section(heading: string, markdown = README): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`the README has no section "## ${heading}"`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** The headings of a level (`## ` is 2), in order. */
export function headings(level: number, markdown = README): string[] {
  const pattern = new RegExp(`^${'#'.repeat(level)} (.+)$`, 'gm');
  return [...withoutFences(markdown).matchAll(pattern)].map((m) => m[1]);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

export interface Fenced {
  lang: string;
  text: string;
}

/** The fenced code blocks, in order. */
export function fencedBlocks(markdown = README): Fenced[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1],
    text: m[2],
  }));
}

function withoutFences(markdown: string): string {
  return markdown.replace(/^```\w*\n[\s\S]*?^```$/gm, '');
}

/** The tables, each as rows of trimmed cells, the header row first, the `---` row left out. */
export function tables(markdown = README): string[][][] {
  const result: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of withoutFences(markdown).split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    if (!current) result.push((current = []));
    if (/^\|[\s|:-]+\|$/.test(line)) continue;
    current.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return result;
}

/** The table whose header row is `header`, as objects keyed by the header's cells. */
export function table(header: string[], markdown = README): Record<string, string>[] {
  const found = tables(markdown).find((t) => t[0].join('|') === header.join('|'));
  if (!found) throw new Error(`the README has no table | ${header.join(' | ')} |`);
  return found.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

/** The names in backticks of a cell: `` `A`, `B` `` → A, B. */
export function codesIn(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

export interface ExampleOperation {
  name: string;
  operation: 'query' | 'mutation' | 'subscription';
  /** The ```graphql block as written. */
  document: string;
  /** The variables the operation declares, and whether each must be given. */
  declared: { name: string; required: boolean }[];
  /** The ```json block that follows the operation, if any. */
  variables?: Record<string, unknown>;
}

/** Each ```graphql block of `markdown` with the ```json block right after it, its variables. */
export function exampleOperations(markdown = README): ExampleOperation[] {
  const blocks = fencedBlocks(markdown);
  return blocks.flatMap((block, i) => {
    if (block.lang !== 'graphql') return [];
    const next = blocks[i + 1];
    const variables = next?.lang === 'json' ? JSON.parse(next.text) : undefined;
    return parse(block.text)
      .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((op) => ({
        name: op.name?.value ?? '(anonymous)',
        operation: op.operation,
        document: block.text,
        declared: (op.variableDefinitions ?? []).map((v) => ({
          name: v.variable.name.value,
          required: v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue,
        })),
        variables,
      }));
  });
}
