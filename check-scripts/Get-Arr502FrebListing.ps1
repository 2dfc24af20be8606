<#
.SYNOPSIS
    The newest failed-request traces (fr*.xml) under FailedReqLogFiles.
.DESCRIPTION
    Lists the traces newest first, capped, so a collector run stays small; arr502 reads the files themselves with
    check_arr502 freb. Prints one JSON document (schema arr502.freb-listing).
.PARAMETER Path
    The FailedReqLogFiles folder.
.PARAMETER Max
    The most files listed.
.EXAMPLE
    .\Get-Arr502FrebListing.ps1 -Max 50
#>
[CmdletBinding()]
param(
    [string]$Path = (Join-Path -Path $env:SystemDrive -ChildPath 'inetpub\logs\FailedReqLogFiles'),
    [ValidateRange(1, 10000)][int]$Max = 200
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

try {
    $files = @()
    if (Test-Path -LiteralPath $Path) {
        $files = @(Get-ChildItem -LiteralPath $Path -Recurse -Filter 'fr*.xml' -File |
            Sort-Object -Property LastWriteTimeUtc -Descending |
            Select-Object -First $Max |
            ForEach-Object -Process {
                [ordered]@{ path = $_.FullName; sizeBytes = $_.Length; lastWriteTime = ConvertTo-Arr502Time -Time $_.LastWriteTime }
            })
    }
    Write-Arr502Document -Schema 'freb-listing' -Data ([ordered]@{ root = $Path; files = $files })
    exit 0
} catch {
    Write-Arr502Error -Schema 'freb-listing' -Message $_.Exception.Message
    exit 2
}
