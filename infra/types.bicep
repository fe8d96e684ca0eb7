// User-defined types shared by main.bicep and the modules (imported with `import … from`).

@export()
@description('Throughput of the Cosmos DB for NoSQL account: serverless (pay per request, the default) or autoscale throughput shared by every container of the database.')
@discriminator('mode')
type cosmosThroughputType = cosmosServerlessType | cosmosAutoscaleType

@export()
@description('Serverless Cosmos DB account (capability EnableServerless); no throughput is provisioned.')
type cosmosServerlessType = {
  @description('Required. Serverless.')
  mode: 'Serverless'
}

@export()
@description('Provisioned account with autoscale throughput set on the database and shared by its containers.')
type cosmosAutoscaleType = {
  @description('Required. Autoscale.')
  mode: 'Autoscale'

  @description('Required. Autoscale maximum RU/s of the database; it scales between 10% of this and this.')
  @minValue(1000)
  @maxValue(1000000)
  maxThroughput: int
}

@export()
@description('Scale settings of the Flex Consumption Function App.')
type functionScaleType = {
  @description('Required. Most instances the app scales out to.')
  @minValue(1)
  @maxValue(1000)
  maximumInstanceCount: int

  @description('Required. Memory of each instance in MB.')
  instanceMemoryMB: 512 | 2048 | 4096
}

@export()
@description('Pricing tier of the Azure Bot: F0 (free, standard channels such as Teams are free either way) or S1.')
type botSkuType = 'F0' | 'S1'

@export()
@description('Log level the app reads from LOG_LEVEL.')
type logLevelType = 'debug' | 'info' | 'warn' | 'error'

@export()
@description('Resource tags.')
type tagsType = {
  @description('Optional. Any tag name and its value.')
  *: string
}
