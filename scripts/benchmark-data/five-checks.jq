# Five one-field checks written for jq, as a reference point for Verdict's figures:
# scripts/benchmark runs it over the same synthetic inventory when jq is installed.
# Each line of output is a check name and whether the resource passed.
(.Configuration | if type == "string" then fromjson else . end) as $c
| [ (if .ResourceType == "ACS::OSS::Bucket" then {r: "oss-acl", v: ($c.AccessControlList.Grant != "public-read-write")} else empty end),
    (if .ResourceType == "ACS::ECS::Disk" then {r: "disk-enc", v: ($c.Encrypted == true)} else empty end),
    (if .ResourceType == "ACS::KMS::Key" then {r: "kms-rot", v: ($c.AutomaticRotation == "Enabled")} else empty end),
    (if .ResourceType == "ACS::ECS::Instance" then {r: "ecs-ip", v: (($c.PublicIpAddress.IpAddress // []) | length == 0)} else empty end),
    (if .ResourceType == "ACS::SLS::LogStore" then {r: "sls-ttl", v: ($c.ttl >= 180)} else empty end) ]
| .[] | [.r, .v] | @tsv
