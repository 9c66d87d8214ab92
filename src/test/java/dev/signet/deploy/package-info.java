/**
 * Tests of what ships beside the application: the Kubernetes manifests under {@code k8s/}, rendered with kubectl's
 * kustomize and validated against the Kubernetes types and the operators' schemas.
 */
package dev.signet.deploy;
