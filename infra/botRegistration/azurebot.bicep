// Registers the web service as a bot with the Bot Framework and connects it to Microsoft
// Teams (the Agents Toolkit template's module, with a choice of app type).

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@maxLength(42)
param botDisplayName string

param botServiceName string = resourceBaseName
param botServiceSku string = 'F0'
param botServiceLocation string = 'global'

@allowed(['UserAssignedMSI', 'SingleTenant'])
param botAppType string

@description('The bot\'s Microsoft App Id: the managed identity\'s client id, or the app registration\'s.')
param botId string

param identityResourceId string
param tenantId string

@description('Host name the bot is served on; messages go to https://<this>/api/messages.')
param botAppDomain string

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  kind: 'azurebot'
  location: botServiceLocation
  name: botServiceName
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: botId
    msaAppType: botAppType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: botAppType == 'UserAssignedMSI' ? identityResourceId : null
    disableLocalAuth: false
  }
  sku: {
    name: botServiceSku
  }
}

// Connect the bot service to Microsoft Teams
resource botServiceMsTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  location: botServiceLocation
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

output botServiceName string = botService.name
output messagingEndpoint string = botService.properties.endpoint
