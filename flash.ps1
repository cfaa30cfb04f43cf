<#
.SYNOPSIS
    Flashes AgentPhone onto an ESP32 devboard (Windows front end).

.DESCRIPTION
    Passes every parameter to the flashing command (host/Flash), which installs nanoff, builds
    the device solution, flashes nanoFramework, writes the phone's configuration and deploys
    the app. The command accepts PowerShell-style names, so nothing is translated here.
    `./flash.ps1 -Help` lists the options.

.EXAMPLE
    ./flash.ps1 -Board devkitc-st7735 -Port COM5 -WifiSsid office -WifiPassword secret -Server http://10.0.0.5:8082

.EXAMPLE
    ./flash.ps1 -Board m5stack-core -Port COM7 -Demo -WhatIf
#>
dotnet run --project (Join-Path $PSScriptRoot "host/Flash") -- @args
exit $LASTEXITCODE
