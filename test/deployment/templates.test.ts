import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readConfig } from '../../bot/config';
import { allResources, referenced, scopeStrings, templateScopes, type ArmResource, type ArmTemplate } from './arm-template';

const ROOT = join(__dirname, '..', '..', '..', 'deploymentTemplates');
const RESOURCE_GROUP_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const SUBSCRIPTION_SCHEMA = 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#';
const PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';
const SECURE_TYPES = new Set(['securestring', 'secureobject']);
const SECRET_NAME = /secret|password|passwd|connectionstring|accountkey|token|sas/i;

interface ParametersFile {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, { value?: unknown; reference?: unknown }>;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsonFiles(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : [],
  );
}

const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const name = (file: string) => relative(ROOT, file);

describe('deployment templates (deploymentTemplates/, BotBuilder-Samples layout)', () => {
  const files = jsonFiles(ROOT);
  const templates = files.filter((f) => /[\\/]template-[^\\/]+\.json$/.test(f));
  const parameterFiles = files.filter((f) => /[\\/]parameters-for-template-[^\\/]+\.json$/.test(f));

  it('has a template and a parameters file for the bot app and the Azure Bot, for a new and an existing resource group', () => {
    assert.deepEqual(files.map(name).sort(), [
      'deployUseExistResourceGroup/parameters-for-template-AzureBot-with-rg.json',
      'deployUseExistResourceGroup/parameters-for-template-BotApp-with-rg.json',
      'deployUseExistResourceGroup/template-AzureBot-with-rg.json',
      'deployUseExistResourceGroup/template-BotApp-with-rg.json',
      'deployWithNewResourceGroup/parameters-for-template-AzureBot-new-rg.json',
      'deployWithNewResourceGroup/parameters-for-template-BotApp-new-rg.json',
      'deployWithNewResourceGroup/template-AzureBot-new-rg.json',
      'deployWithNewResourceGroup/template-BotApp-new-rg.json',
    ]);
  });

  it('every file is valid JSON', () => {
    for (const file of files) assert.doesNotThrow(() => JSON.parse(readFileSync(file, 'utf8')), name(file));
  });

  for (const file of [...templates]) {
    describe(name(file), () => {
      const template = read<ArmTemplate>(file);

      it('uses the deployment schema of its scope (resource group, or subscription for a new group)', () => {
        assert.equal(template.$schema, file.includes('new-rg') ? SUBSCRIPTION_SCHEMA : RESOURCE_GROUP_SCHEMA);
        assert.equal(template.contentVersion, '1.0.0.0');
      });

      it('uses every parameter and variable it declares, and declares every one it uses', () => {
        for (const { path, template: scope } of templateScopes(template)) {
          const strings = scopeStrings(scope);
          assert.deepEqual([...referenced(strings, 'parameters')].sort(), Object.keys(scope.parameters ?? {}).sort(), `${path}: parameters used vs declared`);
          assert.deepEqual([...referenced(strings, 'variables')].sort(), Object.keys(scope.variables ?? {}).sort(), `${path}: variables used vs declared`);
        }
      });

      it('gives every resource a type and an apiVersion', () => {
        for (const { path, template: scope } of templateScopes(template)) {
          assert.ok(scope.resources.length > 0, `${path} has resources`);
          for (const resource of allResources(scope)) {
            assert.match(resource.type, /^Microsoft\.[A-Za-z]+(\/[A-Za-z]+)+$/, `${path}: resource type`);
            assert.match(resource.apiVersion, /^\d{4}-\d{2}-\d{2}(-preview)?$/, `${path}: apiVersion of ${resource.type}`);
            assert.ok(resource.name, `${path}: ${resource.type} has a name`);
          }
        }
      });

      it('has outputs, none of them a secret', () => {
        for (const { path, template: scope } of templateScopes(template)) {
          const outputs = Object.entries(scope.outputs ?? {});
          assert.ok(outputs.length > 0, `${path} has outputs`);
          const secure = Object.entries(scope.parameters ?? {})
            .filter(([, p]) => SECURE_TYPES.has(p.type.toLowerCase()))
            .map(([n]) => n);
          for (const [key, output] of outputs) {
            assert.ok(output.type && output.value !== undefined, `${path}: output ${key} has a type and a value`);
            const text = JSON.stringify(output.value);
            assert.ok(!/listKeys\(|listSecrets\(/i.test(text), `${path}: output ${key} exposes keys`);
            for (const p of secure) assert.ok(!text.includes(`parameters('${p}')`), `${path}: output ${key} exposes ${p}`);
          }
        }
      });

      it('has no secret with a default value, and every secret-like parameter is secure', () => {
        for (const { path, template: scope } of templateScopes(template)) {
          for (const [key, parameter] of Object.entries(scope.parameters ?? {})) {
            const secure = SECURE_TYPES.has(parameter.type.toLowerCase());
            if (SECRET_NAME.test(key)) assert.ok(secure, `${path}: ${key} must be a securestring`);
            if (secure) assert.equal(parameter.defaultValue, undefined, `${path}: secure ${key} has a default value`);
            assert.ok(parameter.metadata?.description, `${path}: ${key} has a description`);
          }
        }
      });
    });
  }

  for (const file of parameterFiles) {
    it(`${name(file)} names only its template's parameters, leaves secrets to the command line and sets every required one`, () => {
      const parameters = read<ParametersFile>(file);
      const template = read<ArmTemplate>(file.replace('parameters-for-template-', 'template-'));
      assert.equal(parameters.$schema, PARAMETERS_SCHEMA);
      assert.equal(parameters.contentVersion, '1.0.0.0');
      const declared = template.parameters ?? {};
      for (const key of Object.keys(parameters.parameters)) {
        assert.ok(declared[key], `${key} is not a parameter of the template`);
        assert.ok(!SECURE_TYPES.has(declared[key]!.type.toLowerCase()), `${key} is a secret: pass it with --parameters ${key}=... instead`);
      }
      for (const [key, parameter] of Object.entries(declared)) {
        if (parameter.defaultValue === undefined && !SECURE_TYPES.has(parameter.type.toLowerCase())) {
          assert.ok(key in parameters.parameters, `required parameter ${key} is missing`);
        }
      }
    });
  }

  describe('what the templates create', () => {
    const botAppWithRg = read<ArmTemplate>(join(ROOT, 'deployUseExistResourceGroup', 'template-BotApp-with-rg.json'));
    const azureBotWithRg = read<ArmTemplate>(join(ROOT, 'deployUseExistResourceGroup', 'template-AzureBot-with-rg.json'));
    const byType = (template: ArmTemplate, type: string): ArmResource => {
      const resource = allResources(template).find((r) => r.type === type);
      assert.ok(resource, `no ${type}`);
      return resource;
    };

    it('a new resource group deploys exactly the existing-group template inside it', () => {
      for (const [kind, withRg] of [
        ['BotApp', botAppWithRg],
        ['AzureBot', azureBotWithRg],
      ] as const) {
        const newRg = read<ArmTemplate>(join(ROOT, 'deployWithNewResourceGroup', `template-${kind}-new-rg.json`));
        assert.ok(byType(newRg, 'Microsoft.Resources/resourceGroups'));
        const deployment = byType(newRg, 'Microsoft.Resources/deployments');
        assert.equal(deployment.resourceGroup, "[parameters('groupName')]");
        assert.deepEqual(deployment.properties!.template, withRg, `${kind}: the nested template has drifted from the with-rg one`);
        const passed = Object.keys(deployment.properties!.parameters ?? {}).sort();
        const required = Object.entries(withRg.parameters ?? {})
          .filter(([, p]) => p.defaultValue === undefined)
          .map(([k]) => k);
        for (const key of required) assert.ok(passed.includes(key), `${kind}: ${key} is not passed to the nested template`);
      }
    });

    it('an Azure Bot, single-tenant or user-assigned managed identity, with the Teams channel enabled', () => {
      const bot = byType(azureBotWithRg, 'Microsoft.BotService/botServices');
      assert.equal(bot.kind, 'azurebot');
      assert.deepEqual(azureBotWithRg.parameters!.appType!.allowedValues, ['SingleTenant', 'UserAssignedMSI']);
      const properties = bot.properties as Record<string, unknown>;
      assert.equal(properties.msaAppType, "[parameters('appType')]");
      assert.equal(properties.msaAppId, "[parameters('appId')]");
      assert.equal(properties.msaAppMSIResourceId, "[variables('msiResourceId')]");
      assert.match(String(azureBotWithRg.variables!.msiResourceId), /Microsoft\.ManagedIdentity\/userAssignedIdentities/);
      const teams = byType(azureBotWithRg, 'Microsoft.BotService/botServices/channels');
      const channel = teams.properties as { channelName: string; properties: { isEnabled: boolean } };
      assert.equal(channel.channelName, 'MsTeamsChannel');
      assert.equal(channel.properties.isEnabled, true);
    });

    it('an App Service plan and a Linux Web App on Node 22 LTS, HTTPS only, health-checked, running the release artifact', () => {
      const plan = byType(botAppWithRg, 'Microsoft.Web/serverfarms');
      assert.equal(plan.kind, 'linux');
      assert.equal((plan.properties as { reserved: boolean }).reserved, true, 'reserved: true makes the plan Linux');
      const site = byType(botAppWithRg, 'Microsoft.Web/sites');
      assert.equal(site.kind, 'app,linux');
      assert.equal(botAppWithRg.parameters!.linuxFxVersion!.defaultValue, 'NODE|22-lts');
      const properties = site.properties as { httpsOnly: boolean; siteConfig: { healthCheckPath: string; minTlsVersion: string; appCommandLine: string } };
      // release.zip (npm run package) unpacked in wwwroot: its server.js, with no build or install there.
      assert.equal(properties.siteConfig.appCommandLine, 'node --enable-source-maps --disable-warning=DEP0111 server.js');
      assert.equal(properties.httpsOnly, true);
      assert.equal(properties.siteConfig.healthCheckPath, '/healthz');
      assert.equal(properties.siteConfig.minTlsVersion, '1.2');
    });

    it('a private storage account and container for conversation state', () => {
      const account = byType(botAppWithRg, 'Microsoft.Storage/storageAccounts');
      const properties = account.properties as Record<string, unknown>;
      assert.equal(properties.allowBlobPublicAccess, false);
      assert.equal(properties.minimumTlsVersion, 'TLS1_2');
      const container = byType(botAppWithRg, 'Microsoft.Storage/storageAccounts/blobServices/containers');
      assert.equal((container.properties as { publicAccess: string }).publicAccess, 'None');
    });

    it("the Web App's settings are the ones the bot reads, and they configure it for production with Blob state", () => {
      const site = byType(botAppWithRg, 'Microsoft.Web/sites');
      const settings = (site.properties as { siteConfig: { appSettings: Array<{ name: string; value: string }> } }).siteConfig.appSettings;
      const samples: Record<string, string> = {
        appType: 'SingleTenant',
        appId: '0b5f8c2e-3d4a-4f6b-9c1d-2e3f4a5b6c7d',
        appSecret: 'secret-from-the-command-line',
        recordsSalt: 'c2FsdC1mcm9tLXRoZS1jb21tYW5kLWxpbmU',
        adminAadObjectIds: '6F0D2C8A-1B2C-4D3E-8F90-A1B2C3D4E5F6, 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        storageContainerName: String(botAppWithRg.parameters!.storageContainerName!.defaultValue),
      };
      // Enough of ARM's expression language for these values: a parameter, a variable, or format().
      const evaluate = (value: string): string => {
        const parameter = /^\[parameters\('(\w+)'\)\]$/.exec(value);
        if (parameter) return samples[parameter[1]!] ?? assert.fail(`no sample for ${parameter[1]}`);
        if (/^\[variables\('tenantId'\)\]$/.test(value)) return '72f988bf-86f1-41af-91ab-2d7cd011db47';
        const format = /^\[format\('([^']*)'/.exec(value);
        if (format) return format[1]!.replace(/\{(\d)\}/g, (_m, i: string) => `value${i}`);
        assert.ok(!value.startsWith('['), `unexpected expression ${value}`);
        return value;
      };
      const env = Object.fromEntries(settings.map((s) => [s.name, evaluate(s.value)]));
      assert.deepEqual(Object.keys(env).sort(), [
        'ADMIN_AAD_OBJECT_IDS',
        'AZURE_STORAGE_CONNECTION_STRING',
        'AZURE_STORAGE_CONTAINER',
        'MicrosoftAppId',
        'MicrosoftAppPassword',
        'MicrosoftAppTenantId',
        'MicrosoftAppType',
        'RECORDS_SALT',
        'SCM_DO_BUILD_DURING_DEPLOYMENT',
        'STORAGE',
      ]);
      // The artifact is deployed as built: App Service's build (Oryx: npm install, npm run build) stays off.
      assert.equal(env.SCM_DO_BUILD_DURING_DEPLOYMENT, 'false');
      // Every other setting is one the bot reads: a variable of the README's configuration table.
      const documented = new Set([...readFileSync(join(ROOT, '..', 'README.md'), 'utf8').matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]));
      for (const name of Object.keys(env))
        if (name !== 'SCM_DO_BUILD_DURING_DEPLOYMENT') assert.ok(documented.has(name), `${name} is not a setting of the README's configuration table`);
      const config = readConfig({ ...env, PORT: '8080' });
      assert.equal(config.microsoftAppId, samples.appId);
      assert.equal(config.microsoftAppType, 'SingleTenant');
      assert.equal(config.host, '0.0.0.0', 'with an app id the bot listens for the channel');
      assert.equal(config.storage.kind, 'blob');
      assert.match(env.AZURE_STORAGE_CONNECTION_STRING!, /^DefaultEndpointsProtocol=https;AccountName=value0;AccountKey=value1;EndpointSuffix=value2$/);
      // Owner records hashed with the deployment's salt (the same on every instance), and "kb report" allowed to the admins named.
      assert.equal(config.recordSalt, samples.recordsSalt);
      assert.deepEqual(config.adminAadObjectIds, ['6f0d2c8a-1b2c-4d3e-8f90-a1b2c3d4e5f6', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d']);
      // The salt is a secret with no default: generated once and passed on the command line.
      assert.equal(botAppWithRg.parameters!.recordsSalt!.type, 'securestring');
    });
  });
});
