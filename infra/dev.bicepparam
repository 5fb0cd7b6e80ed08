// A development deployment: one replica, locally redundant storage, the free bot tier.
// Deploy-time values (image tag, app ids, secrets) come from the environment, so no secret is typed on a command
// line or kept in a file: see README, Deploy to Azure.
using 'main.bicep'

param namePrefix = 'roleplay-dev'
param minReplicas = 1
param maxReplicas = 2
param storageSku = 'Standard_LRS'
param keyVaultPurgeProtection = false
param botSku = 'F0'

param imageTag = readEnvironmentVariable('ROLEPLAY_IMAGE_TAG', '')
param botAppId = readEnvironmentVariable('ROLEPLAY_BOT_APP_ID', '')
param slackClientId = readEnvironmentVariable('ROLEPLAY_SLACK_CLIENT_ID', '')
param teamsAppPassword = readEnvironmentVariable('ROLEPLAY_TEAMS_APP_PASSWORD', '')
param slackSigningSecret = readEnvironmentVariable('ROLEPLAY_SLACK_SIGNING_SECRET', '')
param slackClientSecret = readEnvironmentVariable('ROLEPLAY_SLACK_CLIENT_SECRET', '')
