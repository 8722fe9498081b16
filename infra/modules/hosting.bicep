// App Service plan (Linux), the bot's Web App and the timers' Function App. Both run as
// the one user-assigned identity and get the same app settings, named as the app reads
// them (src/config.ts); the Function App adds its host's settings.

param location string
param planName string
param planSku string
param webAppName string
param functionAppName string
param botStartCommand string

param identityResourceId string
@description('Client id of the managed identity: DefaultAzureCredential picks it up as AZURE_CLIENT_ID.')
param identityClientId string

param botId string
param tenantId string
param botAppType string
@description('Key Vault secret URI of the bot\'s client secret; empty for the managed identity.')
param botPasswordSecretUri string

param storageAccountName string
param storageTableEndpoint string
param tablePrefix string
param appInsightsConnectionString string
param botDomain string
param teamsAppId string

@description('1: email notices on (MAIL_NOTICES).')
param mailNotices string
param mailSender string
param mailEndpoint string

// The environment both apps share.
var sharedSettings = {
  MicrosoftAppId: botId
  MicrosoftAppTenantId: tenantId
  MicrosoftAppType: botAppType
  AZURE_CLIENT_ID: identityClientId
  STORAGE_TABLE_ENDPOINT: storageTableEndpoint
  TABLE_PREFIX: tablePrefix
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  BOT_DOMAIN: botDomain
  TEAMS_APP_ID: teamsAppId
  MAIL_NOTICES: mailNotices
  MAIL_SENDER: mailSender
  MAIL_ENDPOINT: mailEndpoint
}

// A Key Vault reference, resolved by App Service with the identity: the secret never
// sits in the settings.
var secretSettings = empty(botPasswordSecretUri)
  ? {}
  : {
      MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${botPasswordSecretUri})'
    }

var identityBlock = {
  type: 'UserAssigned'
  userAssignedIdentities: {
    '${identityResourceId}': {}
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: planSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: identityBlock
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: botStartCommand
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union(sharedSettings, secretSettings, {
    // The deployed zip already holds dist/ and the production node_modules.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    WEBSITE_RUN_FROM_PACKAGE: '1'
    // The Function App runs the timers; the bot must not run them as well.
    SCHEDULER_INTERVAL_SECONDS: '0'
  })
}

resource functionApp 'Microsoft.Web/sites@2023-12-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: identityBlock
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: {
      linuxFxVersion: 'Node|22'
      alwaysOn: true // timer triggers on a dedicated plan need it
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

resource functionAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(sharedSettings, secretSettings, {
    FUNCTIONS_EXTENSION_VERSION: '~4'
    FUNCTIONS_WORKER_RUNTIME: 'node'
    WEBSITE_RUN_FROM_PACKAGE: '1'
    // The Functions host's own storage, by identity: shared keys are off on the account.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
  })
}

output webAppName string = webApp.name
output functionAppName string = functionApp.name
output webAppHostName string = webApp.properties.defaultHostName
