// Production: two replicas at least on one store, zone-redundant storage, the standard bot tier, purge protection.
// Deploy-time values (image tag, app ids, secrets) come from the environment, so no secret is typed on a command
// line or kept in a file: see README, Deploy to Azure.
using 'main.bicep'

param namePrefix = 'roleplay-prod'
param minReplicas = 2
param maxReplicas = 6
param storageSku = 'Standard_ZRS'
param logRetentionDays = 90
param keyVaultPurgeProtection = true
param botSku = 'S1'

param imageTag = readEnvironmentVariable('ROLEPLAY_IMAGE_TAG', '')
param botAppId = readEnvironmentVariable('ROLEPLAY_BOT_APP_ID', '')
param slackClientId = readEnvironmentVariable('ROLEPLAY_SLACK_CLIENT_ID', '')
param teamsAppPassword = readEnvironmentVariable('ROLEPLAY_TEAMS_APP_PASSWORD', '')
param slackSigningSecret = readEnvironmentVariable('ROLEPLAY_SLACK_SIGNING_SECRET', '')
param slackClientSecret = readEnvironmentVariable('ROLEPLAY_SLACK_CLIENT_SECRET', '')
