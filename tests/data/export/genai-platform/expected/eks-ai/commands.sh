#!/usr/bin/env bash
# Exported by Clusterwright from plan 'genai-platform', cluster 'eks-ai' (EKS, us-east-1).
# Steps, in order: cluster kubeconfig manifests.
# Run them all (no argument) or some by name, e.g. ./commands.sh cluster
# README.md says what each step does and what it assumes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# create the cluster and its node groups (aws, eksctl)
step_cluster() {
  echo '==> Creating cluster placement group eks-ai-p5-train'
  aws ec2 create-placement-group \
      --region=us-east-1 \
      --group-name=eks-ai-p5-train \
      --strategy=cluster
  echo '==> Creating EKS cluster eks-ai in us-east-1 with eksctl (takes 15-25 minutes)'
  eksctl create cluster \
      --config-file=cluster.yaml
}

# fetch the cluster's credentials for kubectl (aws)
step_kubeconfig() {
  aws eks update-kubeconfig \
      --region=us-east-1 \
      --name=eks-ai
}

# apply manifests/ in file-name order (kubectl)
step_manifests() {
  kubectl apply \
      --filename=manifests/
}

usage() {
  echo 'usage: commands.sh [cluster kubeconfig manifests]...' >&2
}

if [[ $# -eq 0 ]]; then
  set -- cluster kubeconfig manifests
fi
for step in "$@"; do
  case "$step" in
    cluster) step_cluster ;;
    kubeconfig) step_kubeconfig ;;
    manifests) step_manifests ;;
    *) usage; exit 2 ;;
  esac
done
