<#
.SYNOPSIS
    Flashes AgentPhone onto an ESP32 devboard (Windows front end).

.DESCRIPTION
    Thin front for the flashing tool. Until that tool lands (the hardware issue), this script
    only explains the manual steps and fails, so nobody mistakes it for a working flasher.

.EXAMPLE
    ./flash.ps1 -Board devkitc-st7735 -Port COM5
#>
param(
    [string]$Board = "devkitc-st7735",
    [string]$Port,
    [switch]$WhatIf
)

Write-Host "Automatic flashing is not available yet. To flash by hand:"
Write-Host "  1. dotnet tool install -g nanoff"
Write-Host "  2. nanoff --target ESP32_REV3 --serialport $Port --update"
Write-Host "  3. Open nf.sln in Visual Studio with the nanoFramework extension,"
Write-Host "     set AgentPhone.App (device) as startup project and deploy it to the device."
exit 1
