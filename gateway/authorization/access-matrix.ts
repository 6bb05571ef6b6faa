import {
  DocumentNode,
  FieldDefinitionNode,
  Kind,
  ObjectTypeDefinitionNode,
  parse,
  TypeNode,
} from 'graphql';
import type { Identity } from '../identity';
import { AccessRequirement, AccessRequirements, both, meets } from './access-requirements';
import { splitSecurityDirectives } from './security-directives';

/** A kind of caller the README's access matrix has a column for. */
export interface Role {
  name: string;
  identity: Identity;
}

const user = (sub: string, scopes: string[], uscc?: string): Identity => ({
  kind: 'USER',
  sub,
  scopes: new Set(scopes),
  uscc,
});

export const ROLES: readonly Role[] = [
  { name: 'anonymous', identity: { kind: 'ANONYMOUS', sub: 'anonymous', scopes: new Set() } },
  { name: 'enterprise (`uscc`)', identity: user('enterprise', [], '91110000000000000X') },
  { name: 'officer `trade:read`', identity: user('officer', ['trade:read']) },
  { name: '`airports:write`', identity: user('airports', ['airports:write']) },
  { name: '`customs:write`', identity: user('customs', ['customs:write']) },
  { name: '`drugs:write`', identity: user('drugs', ['drugs:write']) },
  { name: '`routes:write`', identity: user('routes', ['routes:write']) },
  { name: 'auditor `audit:read`', identity: user('auditor', ['audit:read']) },
];

/**
 * The README's access matrix, derived from a supergraph's `@authenticated` / `@requiresScopes`
 * with the rules the gateway enforces (`meets`): every root field (its own requirement and its
 * result type's), then every other type and field that declares one, as markdown.
 */
export function accessMatrix(supergraphSdl: string): string {
  const { requirements, gatewaySdl } = splitSecurityDirectives(supergraphSdl);
  const types = apiObjectTypes(parse(gatewaySdl));
  const roots = ['Query', 'Mutation'].flatMap((root) =>
    (types.get(root)?.fields ?? []).map((field) => ({
      name: `\`${root}.${field.name.value}\``,
      requirement: fieldRequirement(requirements, root, field),
    })),
  );
  const restricted: Row[] = [];
  for (const [name, type] of types) {
    if (name === 'Query' || name === 'Mutation') continue;
    const own = requirements.types.get(name);
    if (own) restricted.push({ name: `\`${name}\` (type)`, requirement: own });
    for (const field of type.fields ?? []) {
      if (!requirements.fields.has(`${name}.${field.name.value}`)) continue;
      restricted.push({
        name: `\`${name}.${field.name.value}\``,
        requirement: fieldRequirement(requirements, name, field),
      });
    }
  }
  return [
    'Root fields (a field also needs what its result type needs):',
    '',
    table('root field', roots),
    '',
    'Other types and fields that declare a requirement (a type’s applies to every field returning',
    'it); every type and field not listed here is public:',
    '',
    table('type or field', restricted),
  ].join('\n');
}

interface Row {
  name: string;
  requirement: AccessRequirement | undefined;
}

function table(first: string, rows: Row[]): string {
  const header = [first, 'needs', ...ROLES.map((r) => r.name)];
  const lines = rows.map((row) => [
    row.name,
    describe(row.requirement),
    ...ROLES.map((role) => (meets(role.identity, row.requirement) ? '✓' : '✗')),
  ]);
  // Aligned as prettier aligns markdown tables, so `npm run lint` agrees with the generated text.
  const width = (cell: string) => [...cell].length;
  const widths = header.map((_, i) => Math.max(3, ...[header, ...lines].map((l) => width(l[i]))));
  const render = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell + ' '.repeat(widths[i] - width(cell))).join(' | ')} |`;
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join(
    '\n',
  );
}

/** "public", "authenticated", "`trade:read`", "`a` and `b`, or `c`". */
function describe(requirement: AccessRequirement | undefined): string {
  if (!requirement) return 'public';
  const parts = requirement.scopes.map((anyOf) =>
    anyOf.map((allOf) => allOf.map((s) => `\`${s}\``).join(' and ')).join(', or '),
  );
  if (parts.length === 0) return 'authenticated';
  return parts.join('; ');
}

function fieldRequirement(
  requirements: AccessRequirements,
  typeName: string,
  field: FieldDefinitionNode,
): AccessRequirement | undefined {
  return both(
    requirements.fields.get(`${typeName}.${field.name.value}`),
    requirements.types.get(namedType(field.type)),
  );
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** The supergraph's object types as clients see them (without the join and link machinery). */
function apiObjectTypes(document: DocumentNode): Map<string, ObjectTypeDefinitionNode> {
  const types = new Map<string, ObjectTypeDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    if (/^(join|link)__/.test(definition.name.value)) continue;
    types.set(definition.name.value, definition);
  }
  return types;
}
