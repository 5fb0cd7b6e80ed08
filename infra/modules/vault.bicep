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

// The app builds unversioned secret URIs from this, so a rotated secret reaches it without a new deployment.
output uri string = vault.properties.vaultUri
