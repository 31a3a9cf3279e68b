// The light build is the one @octokit/plugin-throttling bundles; its API is the full build's minus clustering.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
