// Log Analytics and the workspace-based Application Insights the app exports to (APPLICATIONINSIGHTS_CONNECTION_STRING).
param location string
param workspaceName string
param insightsName string

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
param retentionDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

output workspaceId string = workspace.id
