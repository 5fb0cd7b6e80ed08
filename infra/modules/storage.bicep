// The bot's store (Azure Tables; the app creates its tables at start-up), the blob container of the Data
// Protection key ring every replica shares, and the container of the voice clips' audio. Shared keys are off: the app signs in with its managed identity only.
param location string
param name string
param principalId string

@description('The identity\'s resource id: known before deployment, unlike its principal id, so role assignment names are stable.')
param identityId string

@description('The container KeyRing.Container names in src/RolePlay.Bot/Hosting/KeyRing.cs.')
param keyRingContainer string

@description('The container Storage:Clips:Container defaults to (ClipStorageOptions in src/RolePlay.Storage/StorageOptions.cs).')
param clipsContainer string

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param sku string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  kind: 'StorageV2'
  sku: {
    name: sku
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource keys 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: keyRingContainer
  properties: {
    publicAccess: 'None'
  }
}

resource clips 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: clipsContainer
  properties: {
    publicAccess: 'None'
  }
}

var tableDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
var blobDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')

resource tables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, identityId, tableDataContributor)
  scope: account
  properties: {
    roleDefinitionId: tableDataContributor
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Only the key ring's container: the app has no business with any other blob.
resource keyRing 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keys.id, identityId, blobDataContributor)
  scope: keys
  properties: {
    roleDefinitionId: blobDataContributor
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// The voice clips' container, and no other blob besides the key ring.
resource clipAudio 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(clips.id, identityId, blobDataContributor)
  scope: clips
  properties: {
    roleDefinitionId: blobDataContributor
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = account.name
