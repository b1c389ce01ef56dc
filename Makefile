# SAM `BuildMethod: makefile`: `sam build` runs `make build-<LogicalId>` with ARTIFACTS_DIR set and zips what
# that target leaves there. One Native AOT `bootstrap` serves every function (`_HANDLER` picks the handler), so it
# is published once into BOOTSTRAP_DIR and each target only copies it.
#
#   make build-DiagnosticsFunction ARTIFACTS_DIR=/tmp/diagnostics   # what sam build does
#   make bootstrap                                                   # just publish
#
# Adding a function: add its logical id to FUNCTIONS.
FUNCTIONS := DiagnosticsFunction \
	PlanRotationFunction AcquireClusterLeaseFunction ScaleNodeGroupsToZeroFunction CheckClusterDrainedFunction \
	RotateClusterSecretFunction CheckSecretRotationFunction RestoreNodeGroupsFunction CheckNodeGroupsRestoredFunction \
	RefreshLoginNodesFunction CheckLoginNodesFunction ReleaseClusterLeaseFunction PrepareNotificationFunction RotationEventRouterFunction \
	RotationReconcilerFunction \
	PlanNodeGroupUpdateFunction UpdateNodeGroupFunction CheckNodeGroupUpdatedFunction RollbackNodeGroupsFunction \
	AmiUpdateReconcilerFunction NodeGroupAmiAuditFunction \
	PlanCapacityBlockExpiryFunction ExpiryLeaseWaitFunction SwitchLaunchTemplatesFunction UpdateExpiryQueueFunction \
	ParkNodeGroupsFunction RestoreParkedNodeGroupsFunction CheckCapacityBlockExpiryFunction ReportCapacityBlockExpiryFunction
# The Capacity Block expiry's triggers
FUNCTIONS += CapacityBlockReconcilerFunction CapacityBlockEventRouterFunction
# Job protection through the Slurm REST API (issue 12)
FUNCTIONS += PlanJobProtectionFunction WaitForRunningJobsFunction ReleaseJobProtectionFunction
FUNCTIONS += DrainCanaryNodesFunction ResumeCanaryNodesFunction
# The Custom::AMILookup provider (docs/custom-resource-ami-lookup.md)
FUNCTIONS += AmiLookupCustomResourceFunction

ROOT := $(dir $(abspath $(lastword $(MAKEFILE_LIST))))
BOOTSTRAP_DIR ?= $(ROOT)artifacts/bootstrap
BOOTSTRAP := $(BOOTSTRAP_DIR)/bootstrap
# provided.al2023 on x86_64 (the template's Architectures)
RUNTIME_ID ?= linux-x64
# extra `dotnet publish` flags, e.g. -v:n
PUBLISH_FLAGS ?=
SOURCES := $(shell find $(ROOT)functions -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.order' \) -not -path '*/bin/*' -not -path '*/obj/*') \
	$(ROOT)Directory.Build.props $(ROOT)Directory.Packages.props $(ROOT)global.json

.PHONY: bootstrap $(addprefix build-,$(FUNCTIONS))

bootstrap: $(BOOTSTRAP)

# The project's intermediate output is shared by every publish, whatever BOOTSTRAP_DIR: one lock in it keeps two
# concurrent builds (sam build --parallel, or two test projects) from compiling into it at once (an ILC reading files
# another ILC rewrites dies with SIGBUS). FRESH_NATIVE=1 deletes the native intermediates under the same lock, so the
# trim/AOT analysis runs again and prints its warnings (the zero-warning test needs that).
PROJECT_OBJ := $(ROOT)functions/PcsAutomation.Functions/obj
NATIVE_OBJ := $(PROJECT_OBJ)/Release/net10.0/$(RUNTIME_ID)/native
FRESH_NATIVE ?=

# Rebuilt only when a source changed.
$(BOOTSTRAP): $(SOURCES)
	mkdir -p $(BOOTSTRAP_DIR) $(PROJECT_OBJ)
	flock $(PROJECT_OBJ)/.publish.lock sh -c '$(if $(FRESH_NATIVE),rm -rf "$(NATIVE_OBJ)" && )dotnet publish "$(ROOT)functions/PcsAutomation.Functions" -c Release -r $(RUNTIME_ID) -o "$(BOOTSTRAP_DIR)" $(PUBLISH_FLAGS)'
	touch $@

$(addprefix build-,$(FUNCTIONS)): build-%: $(BOOTSTRAP)
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: sam build sets it, or pass ARTIFACTS_DIR=<dir>"; exit 1; }
	mkdir -p $(ARTIFACTS_DIR)
	cp $(BOOTSTRAP) $(ARTIFACTS_DIR)/bootstrap
