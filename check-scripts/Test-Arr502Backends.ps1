<#
.SYNOPSIS
    Test-NetConnection to each backend on its HTTPS port, as in the runbook's triage.
.DESCRIPTION
    Tests the given computers, or every server of every web farm in the configuration (read with appcmd).
    Prints one JSON document (schema arr502.backends).
.PARAMETER ComputerName
    Backends to test; default: the farm servers from the configuration.
.PARAMETER Port
    TCP port to test.
.EXAMPLE
    .\Test-Arr502Backends.ps1 -ComputerName @('app01.contoso.local','app02.contoso.local') -Port 443
#>
[CmdletBinding()]
param(
    [string[]]$ComputerName = @(),
    [ValidateRange(1, 65535)][int]$Port = 443,
    [string]$AppCmd = (Join-Path -Path $env:windir -ChildPath 'system32\inetsrv\appcmd.exe')
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

try {
    if ($ComputerName.Count -eq 0) {
        [xml]$farms = (& $AppCmd list config -section:webFarms /xml | Out-String)
        $ComputerName = @($farms.SelectNodes('//webFarm/server') | ForEach-Object -Process { $_.GetAttribute('address') } | Sort-Object -Unique)
    }
    $results = @()
    foreach ($c in $ComputerName) {
        $t = Test-NetConnection -ComputerName $c -Port $Port -WarningAction SilentlyContinue
        $results += [ordered]@{
            computerName     = $c
            remoteAddress    = [string]$t.RemoteAddress
            remotePort       = $Port
            tcpTestSucceeded = [bool]$t.TcpTestSucceeded
            detail           = $(if ($t.TcpTestSucceeded) { 'TCP connect succeeded' } else { 'TCP connect failed' })
        }
    }
    Write-Arr502Document -Schema 'backends' -Data ([ordered]@{ results = $results })
    exit 0
} catch {
    Write-Arr502Error -Schema 'backends' -Message $_.Exception.Message
    exit 2
}
