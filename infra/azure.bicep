// Challenge: production deployment. Shape of the Microsoft 365 Agents Toolkit bot
// template (this file + botRegistration/azurebot.bicep, a user-assigned managed identity,
// msaAppType 'UserAssignedMSI'), plus storage, the timers' Function App, monitoring and
// Key Vault. Deploy with:
//   az deployment group create -g <group> -f infra/azure.bicep -p @infra/azure.parameters.json
// The outputs are named after the environment variables the app and `npm run package` read.

targetScope = 'resourceGroup'

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources: lower-case letters, digits and hyphens.')
param resourceBaseName string

@maxLength(42)
@description('Display name of the Azure Bot resource.')
param botDisplayName string = 'Challenge'

@description('The Teams app id (manifest id): a GUID you generate once per tenant and keep. Passed through to the app and to the outputs.')
param teamsAppId string

@allowed(['UserAssignedMSI', 'SingleTenant'])
@description('How the bot authenticates to the Bot Framework: the managed identity (no secret), or an Entra app registration with a client secret kept in Key Vault.')
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the Entra app registration\'s client id.')
param botAadAppClientId string = ''

@secure()
@description('SingleTenant only: the Entra app registration\'s client secret. Stored in Key Vault, never in app settings.')
param botAadAppClientSecret string = ''

@description('Custom host name for the bot and tab (already bound to the web app). Empty: <web app name>.azurewebsites.net.')
param customBotDomain string = ''

@description('Prefix of the Azure Table names the app uses: letters and digits, starting with a letter.')
param tablePrefix string = 'challenge'

@description('App Service plan SKU shared by the bot and the Function App (Always On needs Basic or above).')
param appServicePlanSku string = 'B1'

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSku string = 'Standard_ZRS'

@allowed(['global', 'westeurope'])
@description('Where the Bot Framework relays messages; westeurope keeps it in the EU data boundary.')
param botServiceLocation string = 'global'

@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Command that starts the bot in the web app\'s deployed package.')
param botStartCommand string = 'node dist/bot/index.js'

@description('Object id of the Entra security group whose members load the directory (`npm run directory -- import`): given Storage Table Data Contributor on the storage account. Empty: no one but the app.')
param directoryAdminGroupId string = ''

@allowed(['0', '1'])
@description('Email notices for people Teams cannot reach (docs/tenancy.md): 1 turns them on; needs mailSender and mailEndpoint.')
param mailNotices string = '0'

@description('The From address of email notices: a MailFrom address of your Communication Services email domain.')
param mailSender string = ''

@description('Endpoint of the Azure Communication Services resource that sends the notices, e.g. https://<name>.uk.communication.azure.com. The app\'s identity needs Contributor on it.')
param mailEndpoint string = ''

param location string = resourceGroup().location

var tenantId = tenant().tenantId
var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var webAppName = '${resourceBaseName}-bot'
var functionAppName = '${resourceBaseName}-timers'
var botDomain = empty(customBotDomain) ? '${webAppName}.azurewebsites.net' : customBotDomain
var useSecret = botAppType == 'SingleTenant'

// The identity the bot, the timers and the Bot Framework registration all use.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

var botId = useSecret ? botAadAppClientId : identity.properties.clientId

module monitoring './modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: resourceBaseName
    location: location
    retentionInDays: logRetentionDays
  }
}

module storage './modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${suffix}'
    location: location
    sku: storageSku
    principalId: identity.properties.principalId
    directoryAdminGroupId: directoryAdminGroupId
  }
}

module keyVault './modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv${suffix}'
    location: location
    tenantId: tenantId
    principalId: identity.properties.principalId
    botAppPassword: useSecret ? botAadAppClientSecret : ''
  }
}

module hosting './modules/hosting.bicep' = {
  name: 'hosting'
  params: {
    location: location
    planName: '${resourceBaseName}-plan'
    planSku: appServicePlanSku
    webAppName: webAppName
    functionAppName: functionAppName
    botStartCommand: botStartCommand
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    botId: botId
    tenantId: tenantId
    botAppType: botAppType
    botPasswordSecretUri: useSecret ? keyVault.outputs.botPasswordSecretUri : ''
    storageAccountName: storage.outputs.name
    storageTableEndpoint: storage.outputs.tableEndpoint
    tablePrefix: tablePrefix
    appInsightsConnectionString: monitoring.outputs.connectionString
    botDomain: botDomain
    teamsAppId: teamsAppId
    mailNotices: mailNotices
    mailSender: mailSender
    mailEndpoint: mailEndpoint
  }
}

// Register the web service as a bot with the Bot Framework, with the Teams channel.
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botDisplayName: botDisplayName
    botServiceLocation: botServiceLocation
    botAppType: botAppType
    botId: botId
    identityResourceId: identity.id
    tenantId: tenantId
    botAppDomain: botDomain
  }
  dependsOn: [hosting]
}

// Values for `npm run package` (TEAMS_APP_ID, BOT_ID, BOT_DOMAIN) and the app's settings.
output TEAMS_APP_ID string = teamsAppId
output BOT_ID string = botId
output BOT_DOMAIN string = botDomain
output MicrosoftAppTenantId string = tenantId
output MicrosoftAppType string = botAppType
output AZURE_CLIENT_ID string = identity.properties.clientId
output STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output TABLE_PREFIX string = tablePrefix
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
output BOT_WEB_APP_NAME string = hosting.outputs.webAppName
output FUNCTION_APP_NAME string = hosting.outputs.functionAppName
output KEY_VAULT_NAME string = keyVault.outputs.name
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output BOT_SERVICE_NAME string = azureBotRegistration.outputs.botServiceName
