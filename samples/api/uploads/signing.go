// Package uploads signs short-lived object-storage URLs (a sample file for `punch verify samples`).
package uploads
