<#
.SYNOPSIS
    Shared helpers for the arr502 collectors: one JSON document per run, errors as JSON with a non-zero exit.
.DESCRIPTION
    Dot-sourced by every Get-Arr502*.ps1 / Test-Arr502*.ps1 script. Works in Windows PowerShell 5.1 and PowerShell 7.
#>
Set-StrictMode -Version Latest

function Write-Arr502Document {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$Schema,
        [Parameter(Mandatory = $true)][AllowNull()][object]$Data
    )
    $doc = [ordered]@{
        schema        = "arr502.$Schema"
        schemaVersion = 1
        host          = [System.Net.Dns]::GetHostName()
        collectedAt   = (Get-Date).ToUniversalTime().ToString('o')
        data          = $Data
    }
    Write-Output (ConvertTo-Json -InputObject $doc -Depth 8 -Compress)
}

function Write-Arr502Error {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$Schema,
        [Parameter(Mandatory = $true)][string]$Message
    )
    $doc = [ordered]@{
        schema        = "arr502.$Schema"
        schemaVersion = 1
        host          = [System.Net.Dns]::GetHostName()
        collectedAt   = (Get-Date).ToUniversalTime().ToString('o')
        error         = ($Message -replace '[\r\n]+', ' ')
    }
    Write-Output (ConvertTo-Json -InputObject $doc -Depth 3 -Compress)
}

function ConvertTo-Arr502Time {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][datetime]$Time)
    # ISO-8601 UTC, so Windows PowerShell 5.1's \/Date()\/ form never reaches the parser
    return $Time.ToUniversalTime().ToString('o')
}
