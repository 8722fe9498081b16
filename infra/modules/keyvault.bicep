// Key Vault (RBAC) for the one secret the app may need: the bot's client secret when it
// runs as a SingleTenant app registration instead of the managed identity.

param name string
param location string
param tenantId string

@description('Principal (object) id of the managed identity that reads the secrets.')
param principalId string

@secure()
@description('Empty when the bot uses its managed identity (no secret at all).')
param botAppPassword string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: 'MicrosoftAppPassword'
  properties: {
    value: botAppPassword
    contentType: 'Bot Framework client secret'
  }
}

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
// Versionless, so that an app setting's Key Vault reference follows a rotated secret.
output botPasswordSecretUri string = '${vault.properties.vaultUri}secrets/MicrosoftAppPassword'
