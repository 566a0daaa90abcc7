// Practice Companion in Azure: an App Service (Linux, Node 24) that runs the compiled bot (dist/), its Azure Bot
// registration with the Teams channel, and optionally a PostgreSQL server for more than one instance.
// Deployed by m365agents.yml (arm/deploy) with azure.parameters.json, or by hand:
//   az deployment group create -g <group> -f infra/azure.bicep -p infra/azure.parameters.json
// Outputs are written to env/.env.<environment> by the Agents Toolkit.

@minLength(4)
@maxLength(20)
@description('Names every resource. Lower-case letters and digits; the web app\'s name must be unique in Azure.')
param resourceBaseName string = 'pc${take(uniqueString(resourceGroup().id), 12)}'

param location string = resourceGroup().location

@description('App Service plan size. B1 runs one instance; scheduled posts need Always On, which Free (F1) lacks.')
param webAppSku string = 'B1'

@description('Node.js on App Service Linux. The app supports Node 22 and 24 (Node 20 reached end of life on 30 April 2026). Choose 22-lts where App Service offers no 24 yet.')
@allowed(['24-lts', '22-lts'])
param nodeVersion string = '24-lts'

@maxLength(42)
param botDisplayName string = 'Practice Companion'

@description('UserAssignedMSI (a managed identity, no secret to rotate) or SingleTenant (an existing Microsoft Entra app registration). New bots cannot be MultiTenant.')
@allowed(['UserAssignedMSI', 'SingleTenant'])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the client id of the Microsoft Entra app registration, in this tenant.')
param botAppId string = ''

@secure()
@description('SingleTenant only: a client secret of that app registration.')
param botAppPassword string = ''

@description('Comma-separated Microsoft Entra tenant ids whose people may use the bot. Empty means this tenant only.')
param allowedTenants string = ''

@description('The framework a new team or chat starts with, e.g. lbbd or jersey. Empty: the first one alphabetically.')
param defaultFramework string = ''

@description('Comma-separated Microsoft Entra object ids of the people who may change schedules and meeting openers. Empty: any member of the team or chat.')
param adminIds string = ''

@description('Comma-separated Microsoft Entra object ids of the practice leads, who may open the console. Empty: nobody.')
param practiceLeadIds string = ''

@description('Comma-separated Microsoft Entra object ids of the approvers, who publish framework versions and sign off reviews, never a draft they edited. Empty: one practice lead drafts and publishes.')
param approverIds string = ''

@description('Application (client) ID of the console\'s Entra app registration (aadApp/create in m365agents.yml). Empty: the console refuses every sign-in.')
param consoleClientId string = ''

@description('Time zone for new schedules when none is given: an IANA name.')
param defaultTimeZone string = 'Europe/London'

@description('Create Azure Database for PostgreSQL and use it instead of the SQLite file. Needed before running more than one instance.')
param usePostgres bool = false

@description('Create Application Insights (with a Log Analytics workspace) and send it counts and timings: answers, posts by outcome, turn time. Never message text.')
param useApplicationInsights bool = false

@description('PostgreSQL administrator password. The default makes a new random one each deployment and gives it to the app in the same deployment.')
@secure()
param postgresAdminPassword string = newGuid()

var useMsi = botAppType == 'UserAssignedMSI'
var postgresServerName = '${resourceBaseName}-db'
var postgresDatabase = 'practicecompanion'
var postgresAdminLogin = 'practicecompanion'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (useMsi) {
  name: resourceBaseName
  location: location
}

var botId = useMsi ? identity.properties.clientId : botAppId

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

// Settings the service reads (see bot/config.ts and .env.example). Empty values mean "use the default".
var baseSettings = [
  { name: 'NODE_ENV', value: 'production' }
  { name: 'MicrosoftAppId', value: botId }
  { name: 'MicrosoftAppType', value: botAppType }
  { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
  { name: 'ALLOWED_TENANTS', value: empty(allowedTenants) ? tenant().tenantId : allowedTenants }
  { name: 'DEFAULT_FRAMEWORK', value: defaultFramework }
  { name: 'ADMIN_AAD_IDS', value: adminIds }
  { name: 'DEFAULT_TIME_ZONE', value: empty(defaultTimeZone) ? 'Europe/London' : defaultTimeZone }
  { name: 'PRACTICE_LEAD_AAD_IDS', value: practiceLeadIds }
  { name: 'PRACTICE_APPROVER_AAD_IDS', value: approverIds }
  { name: 'CONSOLE_CLIENT_ID', value: consoleClientId }
  { name: 'CONSOLE_APP_ID_URI', value: empty(consoleClientId) ? '' : 'api://${resourceBaseName}.azurewebsites.net/${consoleClientId}' }
  { name: 'LOG_LEVEL', value: 'info' }
  // The upload holds the compiled service (dist/, built once by `npm run build` before deploying, see
  // m365agents.yml) and no node_modules. App Service installs the production dependencies on Linux
  // during zip deploy, so the native SQLite module matches, and builds nothing: without this command
  // it would also run `npm run build`, which needs the devDependencies it leaves out.
  // The site is not run from a read-only package: without DATABASE_URL the service keeps its SQLite
  // file in ./data, that is /home/site/wwwroot/data, which App Service keeps across restarts.
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
  { name: 'CUSTOM_BUILD_COMMAND', value: 'npm ci --omit=dev --no-audit --no-fund' }
]
var passwordSettings = useMsi ? [] : [{ name: 'MicrosoftAppPassword', value: botAppPassword }]
var databaseUrl = 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgresServerName}.postgres.database.azure.com:5432/${postgresDatabase}?sslmode=require'
var databaseSettings = usePostgres ? [{ name: 'DATABASE_URL', value: databaseUrl }] : []
var monitoringSettings = useApplicationInsights ? [{ name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }] : []

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: useMsi ? { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } } : { type: 'None' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      // What `npm start` runs, without npm in front of it: a restart pays only for the service's own start.
      // --max-semi-space-size=16: V8's young generation in two halves of at most 16 MB, where Node 24 allows up to
      // 64 MB each when memory is plentiful, and the service filled and kept them (docs/performance.md, "Memory
      // over a long run").
      appCommandLine: 'node --max-semi-space-size=16 bin/start.js'
      alwaysOn: true // scheduled posts and meeting openers run inside the service
      // /readyz: the store answers, its migrations are current and the scheduler is looking. App Service
      // stops sending traffic to an instance that fails it, and replaces one that keeps failing.
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(baseSettings, passwordSettings, databaseSettings, monitoringSettings)
    }
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = if (usePostgres) {
  name: postgresServerName
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource postgresDb 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = if (usePostgres) {
  parent: postgres
  name: postgresDatabase
}

// 0.0.0.0 to 0.0.0.0 is Azure's rule for "connections from Azure services", which includes the App Service.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = if (usePostgres) {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = if (useApplicationInsights) {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = if (useApplicationInsights) {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: workspace.id
    RetentionInDays: 90
    // Only the service sends to it, with its connection string; no browser telemetry.
    DisableIpMasking: false
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0' // the Teams channel is a standard channel: free
  }
  properties: union({
    displayName: botDisplayName
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: botId
    msaAppType: botAppType
    msaAppTenantId: tenant().tenantId
  }, useMsi ? { msaAppMSIResourceId: identity.id } : {})
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

output BOT_ID string = botId
output BOT_TENANT_ID string = tenant().tenantId
output APP_DOMAIN string = web.properties.defaultHostName
output AZURE_APP_SERVICE_RESOURCE_ID string = web.id
