// The app's user-assigned identity: it exists before the app, so its roles (registry, storage, vault) are granted
// before the first revision pulls the image and resolves its Key Vault references.
param location string
param name string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
