/** The parts of an ARM template the checks read. */
export interface ArmTemplate {
  $schema: string;
  contentVersion: string;
  parameters?: Record<string, ArmParameter>;
  variables?: Record<string, unknown>;
  resources: ArmResource[];
  outputs?: Record<string, { type: string; value: unknown }>;
}

export interface ArmParameter {
  type: string;
  defaultValue?: unknown;
  allowedValues?: unknown[];
  metadata?: { description?: string };
}

export interface ArmResource {
  type: string;
  apiVersion: string;
  name: string;
  resources?: ArmResource[];
  properties?: {
    template?: ArmTemplate;
    expressionEvaluationOptions?: { scope?: string };
    parameters?: Record<string, { value: unknown }>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** One scope of expressions: a template, and each nested deployment whose template is evaluated inside itself. */
export interface TemplateScope {
  path: string;
  template: ArmTemplate;
}

/**
 * The template and every nested template with `expressionEvaluationOptions.scope: inner` (those
 * have their own parameters and variables); a nested template in outer scope is part of its parent.
 */
export function templateScopes(template: ArmTemplate, path = '$'): TemplateScope[] {
  const scopes: TemplateScope[] = [{ path, template }];
  allResources(template).forEach((resource, i) => {
    const nested = resource.properties?.template;
    if (nested && resource.properties?.expressionEvaluationOptions?.scope === 'inner') scopes.push(...templateScopes(nested, `${path}.resources[${i}]`));
  });
  return scopes;
}

/** Resources of a template, child resources included, not those of nested inner-scope templates. */
export function allResources(template: ArmTemplate): ArmResource[] {
  const out: ArmResource[] = [];
  const visit = (resources: readonly ArmResource[] = []) => {
    for (const resource of resources) {
      out.push(resource);
      visit(resource.resources);
    }
  };
  visit(template.resources);
  return out;
}

/**
 * Every string of the scope's expressions: resources, variables and outputs, with nested
 * inner-scope templates left out (their `parameters` values, evaluated here, stay in).
 */
export function scopeStrings(template: ArmTemplate): string[] {
  const strings: string[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (typeof node === 'string') strings.push(node);
    else if (Array.isArray(node)) node.forEach((item) => walk(item));
    else if (node && typeof node === 'object') {
      const object = node as Record<string, unknown>;
      const innerScope = key === 'properties' && (object.expressionEvaluationOptions as { scope?: string } | undefined)?.scope === 'inner';
      for (const [k, v] of Object.entries(object)) {
        if (innerScope && k === 'template') continue;
        // Property names can be expressions too (e.g. userAssignedIdentities keys).
        strings.push(k);
        walk(v, k);
      }
    }
  };
  walk(template.resources);
  walk(template.variables);
  walk(template.outputs);
  // Defaults may refer to other parameters; they are expressions of this scope too.
  for (const parameter of Object.values(template.parameters ?? {})) walk(parameter.defaultValue);
  return strings;
}

/** Names referenced as `fn('name')` in the strings, e.g. `parameters('appId')`. */
export function referenced(strings: readonly string[], fn: 'parameters' | 'variables'): Set<string> {
  const names = new Set<string>();
  const pattern = new RegExp(`\\b${fn}\\(\\s*'([^']+)'\\s*\\)`, 'g');
  for (const text of strings) for (const match of text.matchAll(pattern)) names.add(match[1]!);
  return names;
}
