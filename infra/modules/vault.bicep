// Key Vault (RBAC) with the Teams and Slack secrets; the app reads them as Key Vault references with its identity.
// The values arrive as secure parameters and are never output: only the vault's URI leaves this module.
param location string
param name string
param principalId string

@description('The identity\'s resource id: known before deployment, unlike its principal id, so role assignment names are stable.')
param identityId string

@description('Purge protection keeps a deleted vault recoverable for its retention period; on in production.')
param purgeProtection bool

@secure()
@minLength(1)
@description('The client secret of the bot\'s Entra app registration (Teams:MicrosoftAppPassword).')
param teamsAppPassword string

@secure()
@minLength(1)
@description('Slack app → Basic Information → App Credentials → Signing Secret (Slack:SigningSecret).')
param slackSigningSecret string

@secure()
@minLength(1)
@description('Slack app → Basic Information → App Credentials → Client Secret (Slack:ClientSecret).')
param slackClientSecret string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: purgeProtection ? true : null
  }
}

resource teamsPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'teams-app-password'
  properties: {
    value: teamsAppPassword
  }
}

resource signingSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'slack-signing-secret'
  properties: {
    value: slackSigningSecret
  }
}

resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'slack-client-secret'
  properties: {
    value: slackClientSecret
  }
}

var secretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource read 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityId, secretsUser)
  scope: vault
  properties: {
    roleDefinitionId: secretsUser
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// The key that seals the Data Protection key ring at rest: the app wraps each ring key's content key with it and
// never holds it. The identity may wrap and unwrap with this key only.
resource keyRingKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'roleplay-keyring'
  properties: {
    kty: 'RSA'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
  }
}

var cryptoServiceEncryptionUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'e147488a-f6f5-4113-8e2d-b22465e65bf6')

resource wrap 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyRingKey.id, identityId, cryptoServiceEncryptionUser)
  scope: keyRingKey
  properties: {
    roleDefinitionId: cryptoServiceEncryptionUser
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// The app builds unversioned secret URIs from this, so a rotated secret reaches it without a new deployment.
output uri string = vault.properties.vaultUri

// Unversioned, so a rotated key seals the ring's new keys while its older versions still open the old ones. Built
// from names (as keyUri would read) so that it is known before deployment.
output keyRingKeyUri string = 'https://${name}${environment().suffixes.keyvaultDns}/keys/${keyRingKey.name}'
