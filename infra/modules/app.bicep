// The bot on Azure Container Apps: HTTPS ingress to the container's port, probes on the app's health routes, two or
// more replicas on one store, and every setting under the exact name the app reads (ASP.NET Core's Section__Key).
param location string
param name string
param environmentId string

@description('The environment\'s default domain: the app\'s host name is <name>.<defaultDomain>.')
param defaultDomain string

param identityId string
param identityClientId string
param registryServer string
param image string
param storageAccountName string
param keyRingContainer string
param insightsName string

@minValue(1)
param minReplicas int

@minValue(1)
param maxReplicas int

@description('Concurrent HTTP requests per replica before another replica is added.')
param concurrentRequestsPerReplica int

@description('The port the image listens on (ASPNETCORE_HTTP_PORTS in the Dockerfile).')
param targetPort int

@description('Networks whose X-Forwarded-For/Proto the app believes (ForwardedHeaders:KnownNetworks): where Container Apps\' ingress proxy reaches the container from.')
param trustedProxyNetworks string[]

param botAppId string

@allowed(['SingleTenant', 'MultiTenant'])
param botAppType string

param botTenantId string
param slackClientId string
@description('The Key Vault holding teams-app-password, slack-signing-secret and slack-client-secret (vault.bicep).')
param vaultUri string

@description('The Key Vault key that seals the Data Protection key ring at rest, unversioned (vault.bicep).')
param keyRingKeyUri string

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

var fqdn = '${name}.${defaultDomain}'
var storageSuffix = environment().suffixes.storage

var settings = concat(
  [
    { name: 'Storage__Provider', value: 'AzureTables' }
    { name: 'Storage__AzureTables__Endpoint', value: 'https://${storageAccountName}.table.${storageSuffix}/' }
    { name: 'DataProtection__BlobUri', value: 'https://${storageAccountName}.blob.${storageSuffix}/${keyRingContainer}/keys.xml' }
    { name: 'DataProtection__KeyVaultKeyUri', value: keyRingKeyUri }
    { name: 'AZURE_CLIENT_ID', value: identityClientId }
    { name: 'Teams__MicrosoftAppId', value: botAppId }
    { name: 'Teams__MicrosoftAppType', value: botAppType }
    { name: 'Teams__MicrosoftAppTenantId', value: botTenantId }
    { name: 'Teams__MicrosoftAppPassword', secretRef: 'teams-app-password' }
    { name: 'Slack__SigningSecret', secretRef: 'slack-signing-secret' }
    { name: 'Slack__ClientId', value: slackClientId }
    { name: 'Slack__ClientSecret', secretRef: 'slack-client-secret' }
    { name: 'Slack__RedirectUri', value: 'https://${fqdn}/api/slack/oauth/callback' }
    // Sign-in to the dashboard and the studio with the bot's own Entra app registration and with the Slack app, whose
    // redirect URIs the deployment guide registers (https://<fqdn>/signin-entra and /signin-slack).
    { name: 'Web__Entra__ClientId', value: botAppId }
    { name: 'Web__Entra__ClientSecret', secretRef: 'teams-app-password' }
    { name: 'Web__Entra__TenantId', value: botAppType == 'SingleTenant' ? botTenantId : 'organizations' }
    { name: 'Web__Slack__ClientId', value: slackClientId }
    { name: 'Web__Slack__ClientSecret', secretRef: 'slack-client-secret' }
    { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', secretRef: 'appinsights-connection-string' }
  ],
  map(range(0, length(trustedProxyNetworks)), i => { name: 'ForwardedHeaders__KnownNetworks__${i}', value: trustedProxyNetworks[i] })
)

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      // Several revisions may be active, so a rollback is a traffic change (README, Deploy to Azure).
      activeRevisionsMode: 'Multiple'
      ingress: {
        external: true
        targetPort: targetPort
        transport: 'http'
        allowInsecure: false
        traffic: [
          {
            latestRevision: true
            weight: 100
          }
        ]
      }
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
      secrets: [
        // Unversioned: Container Apps picks up a rotated secret without a new deployment.
        { name: 'teams-app-password', keyVaultUrl: '${vaultUri}secrets/teams-app-password', identity: identityId }
        { name: 'slack-signing-secret', keyVaultUrl: '${vaultUri}secrets/slack-signing-secret', identity: identityId }
        { name: 'slack-client-secret', keyVaultUrl: '${vaultUri}secrets/slack-client-secret', identity: identityId }
        { name: 'appinsights-connection-string', value: insights.properties.ConnectionString }
      ]
    }
    template: {
      // Longer than the host's 30 s shutdown timeout, in which it finishes acknowledged Slack work and drains the
      // outbox after SIGTERM; Container Apps kills the container when this runs out.
      terminationGracePeriodSeconds: 45
      containers: [
        {
          name: 'roleplay'
          image: '${registryServer}/${image}'
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: settings
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz/live'
                port: targetPort
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/healthz/ready'
                port: targetPort
              }
              periodSeconds: 5
              failureThreshold: 3
            }
            {
              // Content loading and table creation happen before the bot listens: up to 5 + 10 × 3 s.
              type: 'Startup'
              httpGet: {
                path: '/healthz/live'
                port: targetPort
              }
              initialDelaySeconds: 5
              periodSeconds: 3
              failureThreshold: 10
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequestsPerReplica)
              }
            }
          }
        ]
      }
    }
  }
}

output fqdn string = app.properties.configuration.ingress.fqdn
