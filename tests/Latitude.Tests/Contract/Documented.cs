namespace BucketOperator.Latitude.Tests.Contract;

/// <summary>
/// Example bodies copied verbatim from ../shared/latitude-api/object-storage.md (the newest spec, S1) and
/// ../shared/seeds/latitude-create-bucket-openapi.txt (the seed, transcribed from YAML to JSON with the
/// project/team includes trimmed). The contract tests hold both the client and the simulator to them.
/// </summary>
internal static class Documented
{
    // §3 compact example (GET bucket).
    public const string BucketGet = """{"data":{"id":"bkt_6VE1Wd37dXnZJ","type":"object_storages","attributes":{"name":"my-bucket-storage","storage_type":"object","storage_class":"standard","created_at":"2026-03-19T10:30:00.000Z","bucket_name":"my-bucket","endpoint":"https://objects.us-east-1.storage.sh","versioning":false,"locking":false,"retention_mode":"NONE","retention_period":null,"source":"default","region":{"id":"SAO2","city":"SAO2","country":"Brazil"},"project":{"id":"proj_6059EqYkOQj8p","slug":"my-project"},"team":{"id":"team_lV9Xe2AAK5CbMgGbpPYLskLRXyV","slug":"my-team"}}}}""";

    // §3.1 200.
    public const string BucketList = """{"data":[{"id":"bkt_6VE1Wd37dXnZJ","type":"object_storages","attributes":{"name":"my-bucket-storage","bucket_name":"my-bucket","storage_class":"standard","source":"default","region":{"id":"SAO2","city":"SAO2","country":"Brazil"}}}]}""";

    // §3.2 201 (newest spec: no keys, no source).
    public const string BucketCreated = """{"data":{"id":"bkt_6VE1Wd37dXnZJ","type":"object_storages","attributes":{"name":"my-bucket","storage_type":"object","storage_class":"standard","created_at":"2026-03-19T15:30:00.000Z","bucket_name":"my-bucket","endpoint":"https://objects.us-east-1.storage.sh","versioning":false,"locking":false,"retention_mode":"NONE","retention_period":null,"region":{"id":"DAL","city":"DAL","country":"United States"}}}}""";

    // Seed 201: bucket_ ID and the key pair on the bucket.
    public const string SeedBucketCreated = """{"data":{"id":"bucket_6VE1Wd37dXnZJ","type":"object_storages","attributes":{"name":"my-bucket","storage_type":"object","storage_class":"standard","created_at":"2026-03-19T15:30:00.000Z","bucket_name":"my-bucket","endpoint":"https://objects.us-east-1.storage.sh","access_key":"<your-access-key>","secret_key":"<your-secret-key>","versioning":false,"locking":false,"retention_mode":"NONE","retention_period":null,"region":{"id":"DAL","city":"DAL","country":"United States"},"project":{"id":"proj_6059EqYkOQj8p","name":"My Project","slug":"my-project"},"team":{"id":"team_lV9Xe2AAK5CbMgGbpPYLskLRXyV","name":"My Team","slug":"my-team"}}}}""";

    // §3.2 request bodies.
    public const string CreateBucketRequest = """{"data":{"type":"objects","attributes":{"project":"proj_6059EqYkOQj8p","name":"my-bucket","region":"DAL","storage_class":"standard","versioning":true}}}""";
    public const string CreateScopedBucketRequest = """{"data":{"type":"objects","attributes":{"project":"proj_6059EqYkOQj8p","name":"customer-bucket","region":"DAL","scoped":true,"customer":"acme-corp"}}}""";

    // §5.1 request and 201s.
    public const string CreateAccessKeyRequest = """{"data":{"type":"access_keys","attributes":{"project":"proj_6059EqYkOQj8p","storage_class":"standard","name":"my-limited-key","access_scope":"limited_access","region":"DAL","bucket_permissions":[{"bucket_id":"bkt_6VE1Wd37dXnZJ","permission":"readonly"},{"bucket_id":"bkt_7WF2Xe48eYoAK","permission":"rw"}]}}}""";
    public const string AccessKeyCreatedStandard = """{"data":{"type":"access_keys","attributes":{"access_key":{"access_key_id":"AKIA123456789","secret_access_key":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","name":"my-access-key","status":"Active","username":"user+my-access-key@example.com"}}}}""";
    public const string AccessKeyCreatedHighPerformance = """{"data":{"type":"access_keys","attributes":{"access_key":{"access_key":"VAST_AKID123","secret_key":"…","name":"key2","status":"Active","username":"tenant-2500-key2"}}}}""";

    // §5.2 200.
    public const string AccessKeyList = """{"data":{"standard":[{"name":"key1","username":"user+key1@example.com","access_key_id":"AKIA123456789","status":"Active","created_at":"2024-01-01T00:00:00Z","region":null}],"high_performance":[{"name":"key2","username":"tenant-2500-key2","access_key_id":"VAST_AKID123","status":"Active","created_at":"2024-01-01T00:00:00Z","region":"DAL"}]}}""";

    // §6 request, rule and error bodies.
    public const string CreateLifecycleRuleRequest = """{"data":{"type":"lifecycle_rules","attributes":{"name":"delete-old-logs","enabled":true,"prefix":"logs/","expiration_days":30}}}""";
    public const string LifecycleRule = """{"data":{"id":"lifecycle_7Rk2Wd38dXnZJ","type":"lifecycle_rules","attributes":{"name":"delete-old-logs","enabled":true,"prefix":"logs/","expiration_days":30,"noncurrent_days":null,"abort_mpu_days_after_initiation":null}}}""";
    public const string RulesStorageNotEnabled = """{"errors":[{"code":"STORAGE_NOT_ENABLED","title":"Object Storage not enabled"}]}""";
    public const string RuleValidationError = """{"errors":[{"code":"VALIDATION_ERROR","title":"Validation Error","detail":"expiration_days must be greater than 0","meta":{},"status":"422"}]}""";
    public const string LifecycleRuleCreateError = """{"errors":[{"code":"LIFECYCLE_RULE_CREATE_ERROR","title":"Lifecycle rule creation error","detail":"Failed to create lifecycle rule on storage provider","meta":{},"status":"500"}]}""";
    public const string LifecycleRuleUpdateError = """{"errors":[{"code":"LIFECYCLE_RULE_UPDATE_ERROR","title":"Lifecycle rule update error","detail":"Failed to update lifecycle rule on storage provider","meta":{},"status":"500"}]}""";
    public const string LifecycleRuleDestroyError = """{"errors":[{"code":"LIFECYCLE_RULE_DESTROY_ERROR","title":"Lifecycle rule deletion error","detail":"Failed to delete lifecycle rule from storage provider","meta":{},"status":"500"}]}""";

    // §4.1 200.
    public const string StorageUsage = """{"data":[{"id":"42_2026-01-02","type":"storage_usage","attributes":{"date":"2026-01-02","storage_type":"object","tier":"standard","region":"us-east-1","bytes":10737418240,"raw_value":10.0,"raw_unit":"GiB","ingested_at":"2026-01-03T04:15:00+00:00"}}]}""";

    // Error bodies, by the name the tests use.
    public const string FeatureNotEnabled = """{"errors":[{"code":"FEATURE_NOT_ENABLED","message":"Object Storage is not enabled for this team"}]}""";
    public const string StorageNotEnabled = """{"errors":[{"code":"STORAGE_NOT_ENABLED","title":"Object Storage not enabled","detail":"Object Storage is not enabled for this team","meta":{},"status":"403"}]}""";
    public const string StorageNotEnabledOnDelete = """{"errors":[{"code":"STORAGE_NOT_ENABLED","message":"Object Storage is not enabled for this team"}]}""";
    public const string UserAuthorizationError = """{"errors":[{"code":"USER_AUTHORIZATION_ERROR","status":"forbidden","title":"User Authorization Error","detail":"You are not authorized to perform this action.","meta":{}}]}""";
    public const string InvalidProjectForBucket = """{"errors":[{"code":"INVALID_PROJECT","title":"Invalid project","detail":"We could not find the project you are trying to create object storage for.","meta":{},"status":"404"}]}""";
    public const string InvalidRegionForBucket = """{"errors":[{"code":"INVALID_REGION","title":"Invalid region","detail":"We could not find the region you specified.","meta":{},"status":"404"}]}""";
    public const string StorageConflict = """{"errors":[{"code":"STORAGE_CONFLICT","title":"Storage Resource Conflict","detail":"Object storage already exists.","meta":{},"status":"409"}]}""";
    public const string SeedConflict = """{"errors":[{"code":"CONFLICT","title":"Object storage creation error","detail":"Object Storage already exists","meta":{},"status":"409"}]}""";
    public const string BucketNameTaken = """{"errors":[{"code":"BUCKET_NAME_TAKEN","title":"Bucket Name Taken","detail":"Bucket name is already in use. Choose a different name.","meta":{},"status":"409"}]}""";
    public const string BucketValidationError = """{"errors":[{"code":"VALIDATION_ERROR","title":"Validation Error","detail":"name cannot contain special chars or spaces","meta":{},"status":"422"}]}""";
    public const string LocationUnavailable = """{"errors":[{"code":"LOCATION_UNAVAILABLE","title":"Location not available","detail":"Location 'DAL' is not available for high_performance object storage.","meta":{},"status":"422"}]}""";
    public const string SetupError = """{"errors":[{"code":"OBJECT_STORAGE_SETUP_ERROR","title":"Object storage setup error","detail":"Failed to provision object storage infrastructure","meta":{},"status":"500"}]}""";
    public const string BucketNotFound = """{"errors":[{"code":"NOT_FOUND","message":"Object storage not found"}]}""";
    public const string RecordNotFound = """{"errors":[{"code":"not_found","title":"Error","detail":"Specified Record Not Found","meta":{},"status":"404"}]}""";
    public const string BucketNotEmpty = """{"errors":[{"code":"STORAGE_BUCKET_NOT_EMPTY","title":"Bucket Not Empty","detail":"Bucket is not empty. Delete all objects (including all versions and delete markers) before deleting the bucket.","meta":{},"status":"409"}]}""";
    public const string BucketDeletionError = """{"errors":[{"code":"BUCKET_DELETION_ERROR","title":"Bucket deletion error","detail":"We had a problem cleaning up your bucket.","meta":{},"status":"500"}]}""";
    public const string InvalidProjectForKey = """{"errors":[{"code":"INVALID_PROJECT","title":"Invalid project","detail":"We could not find the project you are trying to create an access key for.","meta":{},"status":"404"}]}""";
    public const string StorageResourceNotFound = """{"errors":[{"code":"STORAGE_RESOURCE_NOT_FOUND","title":"Storage Resource Not Found","detail":"Storage resource not found.","meta":{},"status":"404"}]}""";
    public const string KeyValidationError = """{"errors":[{"code":"VALIDATION_ERROR","title":"Validation Error","detail":"bucket_permissions is required when access_scope is limited_access","meta":{},"status":"422"}]}""";
    public const string InvalidRegionForKey = """{"errors":[{"code":"INVALID_REGION","title":"Invalid region","detail":"We could not find the region you specified.","meta":{},"status":"422"}]}""";
    public const string MissingWasabiStorage = """{"errors":[{"code":"MISSING_WASABI_STORAGE","title":"Missing Wasabi Storage","detail":"The project does not have a Wasabi object storage configured.","meta":{},"status":"422"}]}""";
    public const string InvalidBucketId = """{"errors":[{"code":"INVALID_BUCKET_ID","title":"Invalid Bucket ID","detail":"One or more bucket IDs are invalid or do not belong to this project.","meta":{},"status":"422"}]}""";
    public const string AccessKeyNotFound = """{"errors":[{"code":"ACCESS_KEY_NOT_FOUND","title":"Access Key Not Found","detail":"The access key could not be found.","meta":{},"status":"404"}]}""";
    public const string RateLimitExceeded = """{"errors":[{"code":"RATE_LIMIT_EXCEEDED","title":"Rate Limit Exceeded","status":"429","detail":"Too many requests. Please slow down and retry.","meta":{"retry_after":60}}]}""";
}
