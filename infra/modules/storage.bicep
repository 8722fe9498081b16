// Storage account for the app's tables and for the Function host. Reached by the
// managed identity only: shared keys are off, HTTPS and TLS 1.2 are required.

param name string
param location string
param sku string

@description('Principal (object) id of the managed identity the bot and the timers run as.')
param principalId string

@description('Object id of the Entra group whose members import the directory; empty for none.')
param directoryAdminGroupId string = ''

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  kind: 'StorageV2'
  sku: {
    name: sku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Built-in role ids: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
var roles = {
  // The app's data: challenges, deadlines, directory.
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // The Function host's own storage (AzureWebJobsStorage by identity): timer locks in blobs.
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roles): {
    name: guid(storage.id, principalId, role.value)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// The business unit's directory admins load the directory with their own sign-in (shared keys are off).
resource directoryAdmins 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(directoryAdminGroupId)) {
  name: guid(storage.id, directoryAdminGroupId, roles.tableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.tableDataContributor)
    principalId: directoryAdminGroupId
    principalType: 'Group'
    description: 'Directory admins: npm run directory -- import'
  }
}

output name string = storage.name
// No trailing slash: the form STORAGE_TABLE_ENDPOINT takes.
output tableEndpoint string = 'https://${storage.name}.table.${environment().suffixes.storage}'
