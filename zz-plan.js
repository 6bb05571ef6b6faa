const { QueryPlanner, prettyFormatQueryPlan } = require('@apollo/query-planner');
const { Supergraph, operationFromDocument } = require('@apollo/federation-internals');
const { parse } = require('graphql');
const fs = require('fs');
const { splitSecurityDirectives } = require('./dist/gateway/authorization/security-directives');const split = splitSecurityDirectives(fs.readFileSync('schema/supergraph.graphql', 'utf8'));const sg = Supergraph.build(split.gatewaySdl);
const qp = new QueryPlanner(sg);
const { FULL_PICTURE_QUERY } = require('./dist/gateway/explorer/full-picture-query');
const op = operationFromDocument(sg.schema, parse(FULL_PICTURE_QUERY));
console.log(prettyFormatQueryPlan(qp.buildQueryPlan(op)));
