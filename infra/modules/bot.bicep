// The Azure Bot registration with the Microsoft Teams channel, pointed at the app's /api/messages. The app
// authenticates with its Entra app registration's client secret (Teams:MicrosoftAppId/MicrosoftAppPassword), which
// is why the app type is SingleTenant or MultiTenant and not UserAssignedMSI.
param name string
param appId string

@allowed(['SingleTenant', 'MultiTenant'])
param appType string

param tenantId string

@description('https://<app fqdn>/api/messages')
param messagingEndpoint string

@allowed(['F0', 'S1'])
param sku string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: 'RolePlay'
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: appType == 'SingleTenant' ? tenantId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}
