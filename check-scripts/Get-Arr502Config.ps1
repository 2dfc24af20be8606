<#
.SYNOPSIS
    The ARR configuration as appcmd prints it: proxy, webFarms, global rewrite rules, and the rewrite rules of every
    site and application.
.DESCRIPTION
    appcmd list config prints only the attributes that are set; with /config:* it adds every default as if it were set
    (iis-docs "Getting Started with AppCmd.exe"), so "this farm uses the 30 s default" could never be seen. Both forms
    are kept: sections holds what is set (what arr502 reads, applying the schema defaults itself), effectiveSections
    the /config:* form for a human. Rewrite rules are collected for every site ("...rules@<site>") and every
    application below a site ("...rules@<site>/<app>"), each as appcmd prints them at that path.
    Needs: an administrator (appcmd reads applicationHost.config). Without one every section fails with access
    denied; that is written to problems with the identity, never as an empty configuration.
    Prints one JSON document (schema arr502.config).
.PARAMETER AppCmd
    Path of appcmd.exe.
.PARAMETER OutFile
    Write the document here (UTF-8, ASCII-escaped) instead of to the pipeline.
.EXAMPLE
    .\Get-Arr502Config.ps1
#>
[CmdletBinding()]
param(
    [string]$AppCmd = (Join-Path -Path $env:windir -ChildPath 'system32\inetsrv\appcmd.exe'),
    [string]$OutFile = ''
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

function Invoke-Arr502AppCmd {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string[]]$Arguments)
    $out = (& $AppCmd @Arguments 2>&1 | Out-String)
    if ($LASTEXITCODE -ne 0) {
        throw ("appcmd {0} exited {1}: {2}" -f ($Arguments -join ' '), $LASTEXITCODE, $out.Trim())
    }
    return $out
}

try {
    if (-not (Test-Path -LiteralPath $AppCmd)) {
        throw "appcmd not found at $AppCmd (is IIS installed?)"
    }
    $identity = Get-Arr502Identity
    $problems = New-Object -TypeName System.Collections.ArrayList
    if (-not $identity.administrator) {
        [void]$problems.Add("config: running as $($identity.name) without administrator rights; appcmd cannot read applicationHost.config")
    }
    $sections = [ordered]@{}
    $effective = [ordered]@{}
    $wanted = @(
        @('system.webServer/proxy', @('list', 'config', '-section:system.webServer/proxy', '/xml')),
        @('webFarms', @('list', 'config', '-section:webFarms', '/xml')),
        @('system.webServer/rewrite/globalRules', @('list', 'config', '-section:system.webServer/rewrite/globalRules', '/xml'))
    )
    foreach ($w in $wanted) {
        try {
            $sections[$w[0]] = Invoke-Arr502AppCmd -Arguments $w[1]
            if ($w[0] -ne 'system.webServer/rewrite/globalRules') {
                $effective[$w[0]] = Invoke-Arr502AppCmd -Arguments ($w[1] + @('/config:*'))
            }
        } catch {
            [void]$problems.Add("config $($w[0]): $($_.Exception.Message -replace '[\r\n]+', ' ')")
        }
    }
    $paths = @()
    try {
        $paths += @((Invoke-Arr502AppCmd -Arguments @('list', 'site', '/text:name')) -split '\r?\n' | Where-Object -FilterScript { $_ -ne '' })
        # application names are "<site>/<app>"; the root application "<site>/" is the site itself
        $paths += @((Invoke-Arr502AppCmd -Arguments @('list', 'app', '/text:app.name')) -split '\r?\n' | Where-Object -FilterScript { $_ -match '/.' })
    } catch {
        [void]$problems.Add("config sites and applications: $($_.Exception.Message -replace '[\r\n]+', ' ')")
    }
    foreach ($path in @($paths | Sort-Object -Unique)) {
        try {
            $sections["system.webServer/rewrite/rules@$path"] = Invoke-Arr502AppCmd -Arguments @('list', 'config', $path, '-section:system.webServer/rewrite/rules', '/xml')
        } catch {
            [void]$problems.Add("config rewrite rules of ${path}: $($_.Exception.Message -replace '[\r\n]+', ' ')")
        }
    }
    Write-Arr502Document -Schema 'config' -OutFile $OutFile -Data ([ordered]@{
            sections          = $sections
            effectiveSections = $effective
            identity          = $identity
            problems          = @($problems)
        })
    exit 0
} catch {
    Write-Arr502Error -Schema 'config' -Message $_.Exception.Message -OutFile $OutFile
    exit 2
}
