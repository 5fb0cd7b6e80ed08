// RolePlay on Azure: the bot on Container Apps, its store in Azure Tables, Data Protection keys in a blob, the Azure
// Bot registration for Teams, the Teams and Slack secrets in Key Vault, telemetry in Application Insights.
// Deployed in two runs (README, Deploy to Azure): without imageTag it lays the groundwork (identity, registry,
// storage, telemetry, environment) so the image can be built and the app's host name is known; with imageTag it adds
// the vault, the app and the bot registration.

@description('Short name of this deployment, used in every resource name (e.g. roleplay-prod).')
@minLength(3)
@maxLength(20)
param namePrefix string

param location string = resourceGroup().location

@description('The image tag in the registry (az acr build -t roleplay:<tag>). Empty: groundwork only.')
param imageTag string = ''

@description('Replicas that always run; 2 or more in production, all on one store.')
@minValue(1)
param minReplicas int

@minValue(1)
param maxReplicas int

param concurrentRequestsPerReplica int = 50

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSku string

@minValue(30)
param logRetentionDays int = 30

param keyVaultPurgeProtection bool

@allowed(['F0', 'S1'])
param botSku string

@description('Where Container Apps\' ingress proxy reaches the container from: the private and shared address ranges, since nothing but the ingress can reach the container. Only their X-Forwarded-* headers are believed (infra/README.md).')
param trustedProxyNetworks string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10']

@description('The bot\'s Entra application (client) id: Teams:MicrosoftAppId and the Azure Bot\'s msaAppId.')
param botAppId string = ''

@description('SingleTenant (the bot\'s app registration lives in botTenantId) or MultiTenant.')
@allowed(['SingleTenant', 'MultiTenant'])
param botAppType string = 'SingleTenant'

param botTenantId string = tenant().tenantId

@description('Slack app → Basic Information → App Credentials → Client ID.')
param slackClientId string = ''

@secure()
@description('The client secret of the bot\'s Entra app registration.')
param teamsAppPassword string = ''

@secure()
@description('Slack app → Basic Information → App Credentials → Signing Secret.')
param slackSigningSecret string = ''

@secure()
@description('Slack app → Basic Information → App Credentials → Client Secret.')
param slackClientSecret string = ''

// The container src/RolePlay.Bot/Hosting/KeyRing.cs names (KeyRing.Container).
var keyRingContainer = 'roleplay-keys'
var clipsContainer = 'roleplay-clips'
var suffix = uniqueString(resourceGroup().id)
var compactPrefix = replace(namePrefix, '-', '')
var appName = 'ca-${namePrefix}'
var registryName = take('cr${compactPrefix}${suffix}', 50)
// The port ASPNETCORE_HTTP_PORTS sets in the Dockerfile.
var targetPort = 8080
var deployApp = !empty(imageTag)
var identityName = 'id-${namePrefix}'
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)
var insightsName = 'appi-${namePrefix}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: identityName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: 'log-${namePrefix}'
    insightsName: insightsName
    retentionDays: logRetentionDays
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    location: location
    name: registryName
    principalId: identity.outputs.principalId
    identityId: identityId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: take('st${compactPrefix}${suffix}', 24)
    principalId: identity.outputs.principalId
    identityId: identityId
    keyRingContainer: keyRingContainer
    clipsContainer: clipsContainer
    sku: storageSku
  }
}

module environment 'modules/environment.bicep' = {
  name: 'environment'
  params: {
    location: location
    namePrefix: namePrefix
    workspaceId: monitoring.outputs.workspaceId
  }
}

module vault 'modules/vault.bicep' = if (deployApp) {
  name: 'vault'
  params: {
    location: location
    name: take('kv${compactPrefix}${suffix}', 24)
    principalId: identity.outputs.principalId
    identityId: identityId
    purgeProtection: keyVaultPurgeProtection
    teamsAppPassword: teamsAppPassword
    slackSigningSecret: slackSigningSecret
    slackClientSecret: slackClientSecret
  }
}

module app 'modules/app.bicep' = if (deployApp) {
  name: 'app'
  params: {
    location: location
    name: appName
    environmentId: environment.outputs.id
    defaultDomain: environment.outputs.defaultDomain
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    registryServer: registry.outputs.loginServer
    image: 'roleplay:${imageTag}'
    storageAccountName: storage.outputs.name
    keyRingContainer: keyRingContainer
    // By name: the environment, which the app needs anyway, already waits for monitoring.
    insightsName: insightsName
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    concurrentRequestsPerReplica: concurrentRequestsPerReplica
    targetPort: targetPort
    trustedProxyNetworks: trustedProxyNetworks
    botAppId: botAppId
    botAppType: botAppType
    botTenantId: botTenantId
    slackClientId: slackClientId
    vaultUri: vault!.outputs.uri
    keyRingKeyUri: vault!.outputs.keyRingKeyUri
  }
}

var appFqdn = '${appName}.${environment.outputs.defaultDomain}'

module bot 'modules/bot.bicep' = if (deployApp) {
  name: 'bot'
  params: {
    name: 'bot-${namePrefix}-${suffix}'
    appId: botAppId
    appType: botAppType
    tenantId: botTenantId
    messagingEndpoint: 'https://${appFqdn}/api/messages'
    sku: botSku
  }
}

@description('The registry to build the image in: az acr build -r <this> -t roleplay:<tag> .')
output registryName string = registryName

@description('The app\'s public host name, known from the first run on: the Slack manifest\'s and the Teams bot\'s URLs use it.')
output appFqdn string = appFqdn

output appName string = appName
