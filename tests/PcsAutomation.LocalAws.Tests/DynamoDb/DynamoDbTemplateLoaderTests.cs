using Microsoft.Extensions.Time.Testing;
using PcsAutomation.LocalAws.DynamoDb;

namespace PcsAutomation.LocalAws.Tests.DynamoDb;

public class DynamoDbTemplateLoaderTests
{
    private const string Template = """
        Parameters:
          Suffix:
            Type: String
            Default: leases
        Resources:
          LeaseTable:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: !Sub "${AWS::StackName}-${Suffix}"
              BillingMode: PAY_PER_REQUEST
              KeySchema:
                - { AttributeName: pk, KeyType: HASH }
              AttributeDefinitions:
                - { AttributeName: pk, AttributeType: S }
              TimeToLiveSpecification:
                AttributeName: expiresAt
                Enabled: true
          RunsTable:
            Type: AWS::DynamoDB::Table
            Properties:
              KeySchema:
                - { AttributeName: cluster, KeyType: HASH }
                - { AttributeName: started, KeyType: RANGE }
              AttributeDefinitions:
                - { AttributeName: cluster, AttributeType: S }
                - { AttributeName: started, AttributeType: N }
              ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }
          Simple:
            Type: AWS::Serverless::SimpleTable
            Properties:
              PrimaryKey: { Name: key, Type: Number }
          Other:
            Type: AWS::SNS::Topic
        """;

    [Fact]
    public void Load_TemplateTables_CreatedWithKeysAndTtl()
    {
        var service = new DynamoDbService(new FakeTimeProvider());

        var tables = DynamoDbTemplateLoader.Load(Template, service, new Dictionary<string, string> { ["AWS::StackName"] = "pcs-automation" });

        Assert.Equal(["pcs-automation-leases", "RunsTable", "Simple"], tables.Select(t => t.Name));
        Assert.Equal("expiresAt", service.FindTable("pcs-automation-leases")!.TimeToLiveAttribute);
        Assert.Equal(new KeyElement("started", "N"), service.FindTable("RunsTable")!.RangeKey);
        Assert.Equal(5, service.FindTable("RunsTable")!.ReadCapacity);
        Assert.Equal(new KeyElement("key", "N"), service.FindTable("Simple")!.HashKey);
    }

    [Fact]
    public void Load_TableWithUndefinedKeyAttribute_ValidationException()
    {
        const string bad = """
            Resources:
              Bad:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                  AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
            """;
        var error = Assert.Throws<AwsServiceException>(() => DynamoDbTemplateLoader.Load(bad, new DynamoDbService(new FakeTimeProvider())));
        Assert.Equal("ValidationException", error.Code);
    }
}
